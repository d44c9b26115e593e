package dev.nebula.decoder.model;

/**
 * The code of one defined function (spec 5.5.13): its declared locals, run-length encoded as in
 * the binary, and the byte range of its instructions in the module. Local types are looked up
 * with {@link #localType(long)} so that a body declaring millions of locals costs no memory.
 */
public final class FunctionBody {

    private final long[] localEnds;
    private final ValType[] localTypes;
    private final long localCount;
    private final int codeStart;
    private final int codeEnd;

    /**
     * @param localCounts run lengths of the local declarations
     * @param localTypes  type of each run
     * @param codeStart   offset of the first instruction
     * @param codeEnd     offset just past the function's final {@code end}
     */
    public FunctionBody(long[] localCounts, ValType[] localTypes, int codeStart, int codeEnd) {
        this.localTypes = localTypes.clone();
        this.localEnds = new long[localCounts.length];
        long total = 0;
        for (int i = 0; i < localCounts.length; i++) {
            total += localCounts[i];
            localEnds[i] = total;
        }
        this.localCount = total;
        this.codeStart = codeStart;
        this.codeEnd = codeEnd;
    }

    /** Number of declared locals, parameters not included. */
    public long localCount() {
        return localCount;
    }

    /** Type of declared local {@code i} (0-based, parameters not included). */
    public ValType localType(long i) {
        int lo = 0;
        int hi = localEnds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (localEnds[mid] > i) hi = mid;
            else lo = mid + 1;
        }
        return localTypes[lo];
    }

    /** Number of local declaration runs. */
    public int localRunCount() {
        return localTypes.length;
    }

    public long localRunLength(int run) {
        return run == 0 ? localEnds[0] : localEnds[run] - localEnds[run - 1];
    }

    public ValType localRunType(int run) {
        return localTypes[run];
    }

    public int codeStart() {
        return codeStart;
    }

    public int codeEnd() {
        return codeEnd;
    }

    public int codeSize() {
        return codeEnd - codeStart;
    }
}
