package dev.nebula.wasi.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Extern;
import dev.nebula.runtime.HostFunction;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Memory;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 46 functions of {@code wasi_snapshot_preview1}, each with the core Wasm type its witx
 * signature lowers to, and the glue that turns a host call into an errno: a {@link WasiError}
 * gives its errno, an {@link IOException} the errno of the matching POSIX failure. Anything else
 * is a bug in this implementation and propagates unchanged rather than posing as an errno.
 */
public final class Preview1 {

    public static final String MODULE = "wasi_snapshot_preview1";

    /** One import: its name, its Wasm type, and its body ({@code null} for {@code proc_exit}). */
    public record Function(String name, FuncType type, WasiCall body) {
    }

    private final WasiContext ctx;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final ProcFunctions proc;
    private Instance boundInstance;

    public Preview1(WasiContext ctx) {
        this.ctx = ctx;
        ArgsEnvFunctions argsEnv = new ArgsEnvFunctions(ctx);
        ClockFunctions clocks = new ClockFunctions(ctx);
        FdFunctions fd = new FdFunctions(ctx);
        FdIoFunctions io = new FdIoFunctions(ctx);
        DirectoryListing listing = new DirectoryListing(ctx);
        PathOpen open = new PathOpen(ctx);
        PathFunctions path = new PathFunctions(ctx);
        PollFunctions poll = new PollFunctions(ctx);
        SocketFunctions sock = new SocketFunctions(ctx);
        this.proc = new ProcFunctions(ctx);

        add("args_get", "ii", argsEnv::argsGet);
        add("args_sizes_get", "ii", argsEnv::argsSizesGet);
        add("environ_get", "ii", argsEnv::environGet);
        add("environ_sizes_get", "ii", argsEnv::environSizesGet);
        add("clock_res_get", "ii", clocks::resGet);
        add("clock_time_get", "iIi", clocks::timeGet);
        add("fd_advise", "iIIi", fd::advise);
        add("fd_allocate", "iII", fd::allocate);
        add("fd_close", "i", fd::close);
        add("fd_datasync", "i", fd::datasync);
        add("fd_fdstat_get", "ii", fd::fdstatGet);
        add("fd_fdstat_set_flags", "ii", fd::fdstatSetFlags);
        add("fd_fdstat_set_rights", "iII", fd::fdstatSetRights);
        add("fd_filestat_get", "ii", fd::filestatGet);
        add("fd_filestat_set_size", "iI", fd::filestatSetSize);
        add("fd_filestat_set_times", "iIIi", fd::filestatSetTimes);
        add("fd_pread", "iiiIi", io::pread);
        add("fd_prestat_get", "ii", fd::prestatGet);
        add("fd_prestat_dir_name", "iii", fd::prestatDirName);
        add("fd_pwrite", "iiiIi", io::pwrite);
        add("fd_read", "iiii", io::read);
        add("fd_readdir", "iiiIi", listing::readdir);
        add("fd_renumber", "ii", fd::renumber);
        add("fd_seek", "iIii", io::seek);
        add("fd_sync", "i", fd::sync);
        add("fd_tell", "ii", io::tell);
        add("fd_write", "iiii", io::write);
        add("path_create_directory", "iii", path::createDirectory);
        add("path_filestat_get", "iiiii", path::filestatGet);
        add("path_filestat_set_times", "iiiiIIi", path::filestatSetTimes);
        add("path_link", "iiiiiii", path::link);
        add("path_open", "iiiiiIIii", open::open);
        add("path_readlink", "iiiiii", path::readlink);
        add("path_remove_directory", "iii", path::removeDirectory);
        add("path_rename", "iiiiii", path::rename);
        add("path_symlink", "iiiii", path::symlink);
        add("path_unlink_file", "iii", path::unlinkFile);
        add("poll_oneoff", "iiii", poll::pollOneoff);
        functions.put("proc_exit", new Function("proc_exit", new FuncType(List.of(ValType.I32), List.of()), null));
        add("proc_raise", "i", proc::raise);
        add("sched_yield", "", proc::schedYield);
        add("random_get", "ii", proc::randomGet);
        add("sock_accept", "iii", sock::accept);
        add("sock_recv", "iiiiii", sock::recv);
        add("sock_send", "iiiii", sock::send);
        add("sock_shutdown", "ii", sock::shutdown);
    }

    /** Registers a function returning an errno; params are 'i' for i32 and 'I' for i64. */
    private void add(String name, String params, WasiCall body) {
        List<ValType> types = new ArrayList<>();
        for (char c : params.toCharArray()) types.add(c == 'I' ? ValType.I64 : ValType.I32);
        functions.put(name, new Function(name, new FuncType(types, List.of(ValType.I32)), body));
    }

    /** Every function, in the order of the preview1 documentation. */
    public Map<String, Function> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** The instance whose memory a call from the embedder (with no calling instance) uses. */
    public void bind(Instance instance) {
        this.boundInstance = instance;
    }

    /** Runs {@code name} against {@code memory} directly: the errno, or a thrown exit. */
    public int invoke(String name, Memory memory, long... args) {
        Function f = functions.get(name);
        if (f == null) throw new IllegalArgumentException("no preview1 function " + name);
        return run(f, new GuestMemory(memory), args);
    }

    /** The host function the linker installs for {@code f}. */
    public HostFunction hostFunction(Function f) {
        if (f.body() == null) {
            return (caller, args) -> {
                proc.exit(args);
                return new long[0];
            };
        }
        return (caller, args) -> new long[] {run(f, new GuestMemory(memoryOf(caller)), args)};
    }

    private int run(Function f, GuestMemory memory, long[] args) {
        if (f.body() == null) {
            proc.exit(args);
            return Errno.SUCCESS;
        }
        try {
            return f.body().call(memory, args);
        } catch (WasiError e) {
            return e.errno();
        } catch (IOException e) {
            return IoErrors.errnoOf(e);
        } catch (InvalidPathException e) {
            return Errno.ILSEQ;
        } catch (SecurityException e) {
            return Errno.ACCES;
        }
    }

    /** The memory WASI reads pointers against: the caller's export "memory", else its memory 0. */
    private Memory memoryOf(Instance caller) {
        Instance i = caller != null ? caller : boundInstance;
        if (i == null) return null;
        Extern exported = i.exports().get("memory");
        return exported instanceof Memory mem ? mem : i.defaultMemory();
    }

    public WasiContext context() {
        return ctx;
    }
}
