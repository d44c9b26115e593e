;; Calls preview1 path_open directly, without libc, with the arguments a hostile or buggy
;; program could pass. Each export returns the errno; SandboxProgramsTest asserts them.
;; Preopens expected: fd 3 = the writable sandbox (holding file, escape -> ../outside/secret,
;; loop -> loop), fd 4 = a read-only directory.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "../outside/secret")
  (data (i32.const 48) "/etc/passwd")
  (data (i32.const 64) "escape")
  (data (i32.const 80) "loop")
  (data (i32.const 96) "file\00x")
  (data (i32.const 112) "file")
  (data (i32.const 128) "\ff\fe")
  (data (i32.const 144) "new")

  ;; open(dirfd, lookupflags, path, len, oflags) for reading (rights fd_read), fd stored at 8.
  (func $open (param $dir i32) (param $lookup i32) (param $path i32) (param $len i32) (param $oflags i32) (result i32)
    (call $path_open (local.get $dir) (local.get $lookup) (local.get $path) (local.get $len)
      (local.get $oflags) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 8)))

  (func (export "dotdot") (result i32) (call $open (i32.const 3) (i32.const 1) (i32.const 16) (i32.const 17) (i32.const 0)))
  (func (export "absolute") (result i32) (call $open (i32.const 3) (i32.const 1) (i32.const 48) (i32.const 11) (i32.const 0)))
  (func (export "symlink_out") (result i32) (call $open (i32.const 3) (i32.const 1) (i32.const 64) (i32.const 6) (i32.const 0)))
  (func (export "symlink_nofollow") (result i32) (call $open (i32.const 3) (i32.const 0) (i32.const 64) (i32.const 6) (i32.const 0)))
  (func (export "loop") (result i32) (call $open (i32.const 3) (i32.const 1) (i32.const 80) (i32.const 4) (i32.const 0)))
  (func (export "nul") (result i32) (call $open (i32.const 3) (i32.const 1) (i32.const 96) (i32.const 6) (i32.const 0)))
  (func (export "ilseq") (result i32) (call $open (i32.const 3) (i32.const 1) (i32.const 128) (i32.const 2) (i32.const 0)))
  ;; The path runs past the end of memory: EFAULT, not a trap.
  (func (export "path_out_of_bounds") (result i32) (call $open (i32.const 3) (i32.const 1) (i32.const 65530) (i32.const 100) (i32.const 0)))
  ;; The result pointer is out of bounds: EFAULT, and no descriptor is opened.
  (func (export "result_out_of_bounds") (result i32)
    (call $path_open (i32.const 3) (i32.const 1) (i32.const 112) (i32.const 4) (i32.const 0)
      (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 65534)))
  (func (export "not_a_directory") (result i32) (call $open (i32.const 1) (i32.const 1) (i32.const 112) (i32.const 4) (i32.const 0)))
  (func (export "bad_fd") (result i32) (call $open (i32.const 99) (i32.const 1) (i32.const 112) (i32.const 4) (i32.const 0)))
  (func (export "read_only_create") (result i32) (call $open (i32.const 4) (i32.const 1) (i32.const 144) (i32.const 3) (i32.const 1)))
  (func (export "ok") (result i32) (call $open (i32.const 3) (i32.const 1) (i32.const 112) (i32.const 4) (i32.const 0)))
  (func (export "opened_fd") (result i32) (i32.load (i32.const 8)))
)
