package dev.nebula.wasi;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Extern;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.WasmFunction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The import surface: all 46 functions of the snapshot, each with the type its witx signature lowers to. */
class Preview1SurfaceTest {

    private static final ValType I = ValType.I32;
    private static final ValType L = ValType.I64;

    /** Name to params, from the witx of wasi_snapshot_preview1; every result is one i32 errno except proc_exit's. */
    private static final Map<String, List<ValType>> EXPECTED = Map.ofEntries(
            Map.entry("args_get", List.of(I, I)),
            Map.entry("args_sizes_get", List.of(I, I)),
            Map.entry("environ_get", List.of(I, I)),
            Map.entry("environ_sizes_get", List.of(I, I)),
            Map.entry("clock_res_get", List.of(I, I)),
            Map.entry("clock_time_get", List.of(I, L, I)),
            Map.entry("fd_advise", List.of(I, L, L, I)),
            Map.entry("fd_allocate", List.of(I, L, L)),
            Map.entry("fd_close", List.of(I)),
            Map.entry("fd_datasync", List.of(I)),
            Map.entry("fd_fdstat_get", List.of(I, I)),
            Map.entry("fd_fdstat_set_flags", List.of(I, I)),
            Map.entry("fd_fdstat_set_rights", List.of(I, L, L)),
            Map.entry("fd_filestat_get", List.of(I, I)),
            Map.entry("fd_filestat_set_size", List.of(I, L)),
            Map.entry("fd_filestat_set_times", List.of(I, L, L, I)),
            Map.entry("fd_pread", List.of(I, I, I, L, I)),
            Map.entry("fd_prestat_get", List.of(I, I)),
            Map.entry("fd_prestat_dir_name", List.of(I, I, I)),
            Map.entry("fd_pwrite", List.of(I, I, I, L, I)),
            Map.entry("fd_read", List.of(I, I, I, I)),
            Map.entry("fd_readdir", List.of(I, I, I, L, I)),
            Map.entry("fd_renumber", List.of(I, I)),
            Map.entry("fd_seek", List.of(I, L, I, I)),
            Map.entry("fd_sync", List.of(I)),
            Map.entry("fd_tell", List.of(I, I)),
            Map.entry("fd_write", List.of(I, I, I, I)),
            Map.entry("path_create_directory", List.of(I, I, I)),
            Map.entry("path_filestat_get", List.of(I, I, I, I, I)),
            Map.entry("path_filestat_set_times", List.of(I, I, I, I, L, L, I)),
            Map.entry("path_link", List.of(I, I, I, I, I, I, I)),
            Map.entry("path_open", List.of(I, I, I, I, I, L, L, I, I)),
            Map.entry("path_readlink", List.of(I, I, I, I, I, I)),
            Map.entry("path_remove_directory", List.of(I, I, I)),
            Map.entry("path_rename", List.of(I, I, I, I, I, I)),
            Map.entry("path_symlink", List.of(I, I, I, I, I)),
            Map.entry("path_unlink_file", List.of(I, I, I)),
            Map.entry("poll_oneoff", List.of(I, I, I, I)),
            Map.entry("proc_exit", List.of(I)),
            Map.entry("proc_raise", List.of(I)),
            Map.entry("sched_yield", List.of()),
            Map.entry("random_get", List.of(I, I)),
            Map.entry("sock_accept", List.of(I, I, I)),
            Map.entry("sock_recv", List.of(I, I, I, I, I, I)),
            Map.entry("sock_send", List.of(I, I, I, I, I)),
            Map.entry("sock_shutdown", List.of(I, I)));

    @Test
    void all46FunctionsAreDefinedWithTheirWitxTypes() {
        assertEquals(46, EXPECTED.size());
        assertEquals(EXPECTED.keySet(), Set.copyOf(Wasi.functionNames()));
        Linker linker = new Wasi(WasiConfig.builder().build()).define(new Linker());
        EXPECTED.forEach((name, params) -> {
            Extern e = linker.lookup(Wasi.MODULE, name);
            WasmFunction f = assertInstanceOf(WasmFunction.class, e, name);
            List<ValType> results = name.equals("proc_exit") ? List.of() : List.of(ValType.I32);
            assertEquals(new FuncType(params, results), f.type(), name);
        });
    }
}
