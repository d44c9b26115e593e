package dev.nebula.wasm;

/**
 * An import could not be satisfied (spec 4.5.4, instantiation step 4): nothing is defined under
 * the import's module and field name ("unknown import"), or what is defined has the wrong type
 * ("incompatible import type").
 */
public final class UnlinkableException extends WasmException {

    private final String moduleName;
    private final String fieldName;

    public UnlinkableException(String specMessage, String moduleName, String fieldName, String detail) {
        super(specMessage, "\"" + moduleName + "\" \"" + fieldName + "\"" + (detail == null ? "" : ": " + detail));
        this.moduleName = moduleName;
        this.fieldName = fieldName;
    }

    public String moduleName() {
        return moduleName;
    }

    public String fieldName() {
        return fieldName;
    }
}
