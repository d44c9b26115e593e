package dev.nebula.wasi.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Extern;
import dev.nebula.runtime.HostFunction;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;

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

    /** One import: its name and its Wasm type. */
    public record Function(String name, FuncType type) {
    }

    private final WasiContext ctx;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final ArgsEnvFunctions argsEnv;
    private final ClockFunctions clocks;
    private final FdFunctions fd;
    private final FdIoFunctions io;
    private final DirectoryListing listing;
    private final PathOpen open;
    private final PathFunctions path;
    private final PollFunctions poll;
    private final SocketFunctions sock;
    private final ProcFunctions proc;
    private Instance boundInstance;

    public Preview1(WasiContext ctx) {
        this.ctx = ctx;
        this.argsEnv = new ArgsEnvFunctions(ctx);
        this.clocks = new ClockFunctions(ctx);
        this.fd = new FdFunctions(ctx);
        this.io = new FdIoFunctions(ctx);
        this.listing = new DirectoryListing(ctx);
        this.open = new PathOpen(ctx);
        this.path = new PathFunctions(ctx);
        this.poll = new PollFunctions(ctx);
        this.sock = new SocketFunctions(ctx);
        this.proc = new ProcFunctions(ctx);

        add("args_get", "ii");
        add("args_sizes_get", "ii");
        add("environ_get", "ii");
        add("environ_sizes_get", "ii");
        add("clock_res_get", "ii");
        add("clock_time_get", "iIi");
        add("fd_advise", "iIIi");
        add("fd_allocate", "iII");
        add("fd_close", "i");
        add("fd_datasync", "i");
        add("fd_fdstat_get", "ii");
        add("fd_fdstat_set_flags", "ii");
        add("fd_fdstat_set_rights", "iII");
        add("fd_filestat_get", "ii");
        add("fd_filestat_set_size", "iI");
        add("fd_filestat_set_times", "iIIi");
        add("fd_pread", "iiiIi");
        add("fd_prestat_get", "ii");
        add("fd_prestat_dir_name", "iii");
        add("fd_pwrite", "iiiIi");
        add("fd_read", "iiii");
        add("fd_readdir", "iiiIi");
        add("fd_renumber", "ii");
        add("fd_seek", "iIii");
        add("fd_sync", "i");
        add("fd_tell", "ii");
        add("fd_write", "iiii");
        add("path_create_directory", "iii");
        add("path_filestat_get", "iiiii");
        add("path_filestat_set_times", "iiiiIIi");
        add("path_link", "iiiiiii");
        add("path_open", "iiiiiIIii");
        add("path_readlink", "iiiiii");
        add("path_remove_directory", "iii");
        add("path_rename", "iiiiii");
        add("path_symlink", "iiiii");
        add("path_unlink_file", "iii");
        add("poll_oneoff", "iiii");
        functions.put("proc_exit", new Function("proc_exit", new FuncType(List.of(ValType.I32), List.of())));
        add("proc_raise", "i");
        add("sched_yield", "");
        add("random_get", "ii");
        add("sock_accept", "iii");
        add("sock_recv", "iiiiii");
        add("sock_send", "iiiii");
        add("sock_shutdown", "ii");
    }

    /** Registers a function returning an errno; params are 'i' for i32 and 'I' for i64. */
    private void add(String name, String params) {
        List<ValType> types = new ArrayList<>();
        for (char c : params.toCharArray()) types.add(c == 'I' ? ValType.I64 : ValType.I32);
        functions.put(name, new Function(name, new FuncType(types, List.of(ValType.I32))));
    }

    /**
     * The body of the function called {@code name} ({@code null} for {@code proc_exit}, which
     * returns no errno). Looked up on a function's first call rather than stored in the table:
     * each method reference is an invokedynamic call site whose first use costs start-up time,
     * and a typical program calls a handful of the 46 functions.
     */
    WasiCall body(String name) {
        return switch (name) {
            case "args_get" -> argsEnv::argsGet;
            case "args_sizes_get" -> argsEnv::argsSizesGet;
            case "environ_get" -> argsEnv::environGet;
            case "environ_sizes_get" -> argsEnv::environSizesGet;
            case "clock_res_get" -> clocks::resGet;
            case "clock_time_get" -> clocks::timeGet;
            case "fd_advise" -> fd::advise;
            case "fd_allocate" -> fd::allocate;
            case "fd_close" -> fd::close;
            case "fd_datasync" -> fd::datasync;
            case "fd_fdstat_get" -> fd::fdstatGet;
            case "fd_fdstat_set_flags" -> fd::fdstatSetFlags;
            case "fd_fdstat_set_rights" -> fd::fdstatSetRights;
            case "fd_filestat_get" -> fd::filestatGet;
            case "fd_filestat_set_size" -> fd::filestatSetSize;
            case "fd_filestat_set_times" -> fd::filestatSetTimes;
            case "fd_pread" -> io::pread;
            case "fd_prestat_get" -> fd::prestatGet;
            case "fd_prestat_dir_name" -> fd::prestatDirName;
            case "fd_pwrite" -> io::pwrite;
            case "fd_read" -> io::read;
            case "fd_readdir" -> listing::readdir;
            case "fd_renumber" -> fd::renumber;
            case "fd_seek" -> io::seek;
            case "fd_sync" -> fd::sync;
            case "fd_tell" -> io::tell;
            case "fd_write" -> io::write;
            case "path_create_directory" -> path::createDirectory;
            case "path_filestat_get" -> path::filestatGet;
            case "path_filestat_set_times" -> path::filestatSetTimes;
            case "path_link" -> path::link;
            case "path_open" -> open::open;
            case "path_readlink" -> path::readlink;
            case "path_remove_directory" -> path::removeDirectory;
            case "path_rename" -> path::rename;
            case "path_symlink" -> path::symlink;
            case "path_unlink_file" -> path::unlinkFile;
            case "poll_oneoff" -> poll::pollOneoff;
            case "proc_raise" -> proc::raise;
            case "sched_yield" -> proc::schedYield;
            case "random_get" -> proc::randomGet;
            case "sock_accept" -> sock::accept;
            case "sock_recv" -> sock::recv;
            case "sock_send" -> sock::send;
            case "sock_shutdown" -> sock::shutdown;
            case "proc_exit" -> null;
            default -> throw new IllegalArgumentException("no preview1 function " + name);
        };
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
        if (!functions.containsKey(name)) throw new IllegalArgumentException("no preview1 function " + name);
        return run(body(name), new GuestMemory(memory), args);
    }

    /** The host function the linker installs for {@code f}; it finds its body on its first call. */
    public HostFunction hostFunction(Function f) {
        if (f.name().equals("proc_exit")) {
            return (caller, args) -> {
                proc.exit(args);
                return new long[0];
            };
        }
        return new HostFunction() {
            private WasiCall body; // a race only looks the same body up twice

            @Override
            public long[] call(Instance caller, long[] args) {
                WasiCall b = body;
                if (b == null) body = b = body(f.name());
                return new long[] {run(b, new GuestMemory(memoryOf(caller), storeOf(caller)), args)};
            }
        };
    }

    private int run(WasiCall body, GuestMemory memory, long[] args) {
        if (body == null) {
            proc.exit(args);
            return Errno.SUCCESS;
        }
        try {
            return body.call(memory, args);
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
    private Store storeOf(Instance caller) {
        Instance i = caller != null ? caller : boundInstance;
        return i == null ? null : i.store();
    }

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
