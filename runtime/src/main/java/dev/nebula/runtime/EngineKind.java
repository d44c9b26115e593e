package dev.nebula.runtime;

/** The execution engines Nebula has; each is a {@link dev.nebula.runtime.spi.ExecutionEngine} found by ServiceLoader. */
public enum EngineKind {
    /** The stack interpreter: no compile time, portable. */
    INTERPRETER("interp"),
    /** Ahead-of-time compilation to JVM bytecode. */
    AOT("aot");

    private final String shortName;

    EngineKind(String shortName) {
        this.shortName = shortName;
    }

    /** The name the CLI's {@code --engine} option takes. */
    public String shortName() {
        return shortName;
    }

    public static EngineKind fromShortName(String name) {
        for (EngineKind k : values()) if (k.shortName.equals(name)) return k;
        throw new IllegalArgumentException("unknown engine '" + name + "' (expected interp or aot)");
    }
}
