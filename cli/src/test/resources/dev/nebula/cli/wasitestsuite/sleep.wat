;; Sleeps 10 seconds in poll_oneoff (a monotonic clock subscription), for time-limit tests.
;; Rebuild: wat2wasm sleep.wat -o sleep.wasm
(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (i32.store8 (i32.const 8) (i32.const 0))              ;; tag: clock
    (i32.store (i32.const 16) (i32.const 1))              ;; id: monotonic
    (i64.store (i32.const 24) (i64.const 10000000000))    ;; timeout: 10 s, relative
    (drop (call $poll_oneoff (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 128)))))
