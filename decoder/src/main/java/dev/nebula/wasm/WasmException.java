package dev.nebula.wasm;

/**
 * The one family of errors that mirrors the outcomes the WebAssembly specification names:
 * a module is malformed (binary format, spec chapter 5), invalid (validation, chapter 3),
 * unlinkable or uninstantiable (instantiation, section 4.5.4), or its execution traps
 * (section 4.4). A WASI program's {@code proc_exit} is the one non-error member.
 *
 * <p>The family is sealed so that a harness can switch over it exhaustively and match on kinds,
 * never on message substrings. Every message starts with the spec's own phrase ("unexpected end",
 * "type mismatch", ...) and gains context on the way up.
 */
public abstract sealed class WasmException extends RuntimeException
        permits MalformedModuleException, InvalidModuleException, UnlinkableException, TrapException, WasiExitException,
                ResourceLimitException {

    private final String specMessage;

    protected WasmException(String specMessage, String detail) {
        super(detail == null || detail.isEmpty() ? specMessage : specMessage + ": " + detail, null, false, false);
        this.specMessage = specMessage;
    }

    /** The spec's phrase alone, as the official test suite writes it. */
    public String specMessage() {
        return specMessage;
    }
}
