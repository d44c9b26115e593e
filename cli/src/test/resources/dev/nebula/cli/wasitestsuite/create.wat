;; Creates "new.txt" in the preopen fd 3 and exits with path_open's errno (0 on success), so a
;; test can check that the run wrote into a copy of its fixture. Rebuild: wat2wasm create.wat -o create.wasm
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "new.txt")
  (func (export "_start")
    ;; dirfd 3, no lookup flags, path "new.txt", oflags CREAT, rights fd_read|fd_write, fd at 32
    (call $proc_exit
      (call $path_open (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 7) (i32.const 1)
        (i64.const 0x42) (i64.const 0) (i32.const 0) (i32.const 32)))))
