-- wrk script: POST the same small body to the function named in the URL.
wrk.method = "POST"
wrk.body   = "hello"
wrk.headers["Content-Type"] = "application/octet-stream"
