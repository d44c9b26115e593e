package dev.nebula.wasi.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.nebula.wasi.internal.WasiCall.i32;

/**
 * {@code poll_oneoff(in: ConstPointer<subscription>, out: Pointer<event>, nsubscriptions) -> size}
 * (preview1): waits until at least one subscription is ready and reports the ready ones.
 *
 * <p>Layouts (witx): a {@code subscription} is 48 bytes, userdata u64 at 0, the union's tag u8
 * at 8 and its body at 16: for a clock id u32 at 16, timeout u64 at 24, precision u64 at 32,
 * flags u16 at 40 (bit 0 = absolute time); for fd_read/fd_write the fd u32 at 16. An
 * {@code event} is 32 bytes: userdata u64 at 0, error u16 at 8, type u8 at 10, nbytes u64 at 16,
 * flags u16 at 24.
 *
 * <p>Regular files and output streams are always ready, as with poll(2); a Java input stream is
 * ready when it has bytes available. Waiting is done in short sleeps on the configured clock,
 * so a deterministic clock makes poll deterministic too, and between them the caller's store is
 * checked for its deadline (a sleeping guest never reaches the engines' own polls).
 */
final class PollFunctions {

    static final int SUBSCRIPTION_SIZE = 48;
    static final int EVENT_SIZE = 32;
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;
    private static final int SUBCLOCKFLAGS_ABSTIME = 1;
    /**
     * The longest single sleep: pending input and the store's deadline are re-checked this often
     * while a poll waits, so a guest asleep for an hour still stops at its deadline.
     */
    private static final long RECHECK_NANOS = 5_000_000;

    private record Subscription(long userdata, int type, int clockId, long timeout, boolean absolute, int fd) {
    }

    private record Event(long userdata, int error, int type, long nbytes) {
    }

    private final WasiContext ctx;

    PollFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    int pollOneoff(GuestMemory m, long[] a) throws IOException {
        int in = i32(a, 0);
        int out = i32(a, 1);
        long n = i32(a, 2) & 0xFFFFFFFFL;
        int countOut = i32(a, 3);
        if (n == 0) throw new WasiError(Errno.INVAL);
        m.check(in, n * SUBSCRIPTION_SIZE);
        m.check(out, n * EVENT_SIZE);
        m.check(countOut, 4);
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < n; i++) subs.add(read(m, in + i * SUBSCRIPTION_SIZE));

        long start = ctx.clock().monotonicNanos();
        List<Event> events;
        while (true) {
            long waited = ctx.clock().monotonicNanos() - start;
            events = new ArrayList<>();
            long nextWake = Long.MAX_VALUE;
            for (Subscription s : subs) {
                if (s.type == EVENTTYPE_CLOCK) {
                    long remaining = remaining(s, waited);
                    if (remaining == Long.MIN_VALUE) events.add(new Event(s.userdata, Errno.INVAL, s.type, 0));
                    else if (remaining <= 0) events.add(new Event(s.userdata, Errno.SUCCESS, s.type, 0));
                    else nextWake = Math.min(nextWake, remaining);
                } else {
                    Event e = fdEvent(s);
                    if (e != null) events.add(e);
                }
            }
            if (!events.isEmpty()) break;
            m.checkInterrupted();
            long sleep = Math.min(nextWake, RECHECK_NANOS);
            try {
                ctx.clock().sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WasiError(Errno.INTR);
            }
        }
        for (int i = 0; i < events.size(); i++) write(m, out + i * EVENT_SIZE, events.get(i));
        m.writeInt(countOut, events.size());
        return Errno.SUCCESS;
    }

    private static Subscription read(GuestMemory m, int at) {
        long userdata = m.readLong(at);
        int tag = m.readByte(at + 8) & 0xFF;
        if (tag == EVENTTYPE_CLOCK) {
            int id = m.readInt(at + 16);
            long timeout = m.readLong(at + 24);
            int flags = m.readShort(at + 40) & 0xFFFF;
            return new Subscription(userdata, tag, id, timeout, (flags & SUBCLOCKFLAGS_ABSTIME) != 0, -1);
        }
        if (tag == EVENTTYPE_FD_READ || tag == EVENTTYPE_FD_WRITE) {
            return new Subscription(userdata, tag, 0, 0, false, m.readInt(at + 16));
        }
        throw new WasiError(Errno.INVAL);
    }

    /** Nanoseconds until a clock subscription fires, or Long.MIN_VALUE for an unknown clock. */
    private long remaining(Subscription s, long waited) {
        if (!s.absolute) return Long.compareUnsigned(s.timeout, Long.MAX_VALUE) > 0 ? Long.MAX_VALUE : s.timeout - waited;
        long now;
        try {
            now = ClockFunctions.now(ctx.clock(), s.clockId);
        } catch (WasiError unknownClock) {
            return Long.MIN_VALUE;
        }
        return s.timeout - now;
    }

    /** The event for a ready fd subscription, or null while it is not ready. */
    private Event fdEvent(Subscription s) throws IOException {
        if (!ctx.fds().isOpen(s.fd)) return new Event(s.userdata, Errno.BADF, s.type, 0);
        Descriptor d = ctx.fds().get(s.fd);
        if ((d.rightsBase() & Rights.POLL_FD_READWRITE) == 0) return new Event(s.userdata, Errno.NOTCAPABLE, s.type, 0);
        if (s.type == EVENTTYPE_FD_WRITE) return new Event(s.userdata, Errno.SUCCESS, s.type, 0);
        if (!d.readReady()) return null;
        return new Event(s.userdata, Errno.SUCCESS, s.type, d.readableBytes());
    }

    private static void write(GuestMemory m, int at, Event e) {
        m.writeLong(at, e.userdata);
        m.writeShort(at + 8, e.error);
        m.writeByte(at + 10, e.type);
        for (int i = 11; i < 16; i++) m.writeByte(at + i, 0);
        m.writeLong(at + 16, e.nbytes);
        m.writeLong(at + 24, 0); // flags u16 and padding: no hangup
    }
}
