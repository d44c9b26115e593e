package dev.nebula.runtime.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionImport;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.ImportDescriptor;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.TableType;
import dev.nebula.runtime.Extern;
import dev.nebula.runtime.Global;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.UnlinkableException;

import java.util.List;

/** Import matching (spec 4.5.2, external typing and import subtyping). */
public final class ImportMatcher {

    private ImportMatcher() {
    }

    /**
     * Throws "incompatible import type" unless {@code value} matches what {@code imp} asks for;
     * {@code types} are the importing module's function types, which a function import indexes.
     */
    public static void check(Import imp, Extern value, List<FuncType> types) {
        String problem = mismatch(imp, value, types);
        if (problem != null) throw new UnlinkableException("incompatible import type", imp.module(), imp.name(), problem);
    }

    private static String mismatch(Import imp, Extern value, List<FuncType> types) {
        ImportDescriptor wanted = imp.descriptor();
        if (wanted instanceof FunctionImport function) {
            if (!(value instanceof WasmFunction f)) return "expected a function";
            FuncType expected = types.get(function.typeIndex());
            return f.type().equals(expected) ? null : "function type " + f.type() + " is not " + expected;
        }
        if (wanted instanceof TableType t) {
            if (!(value instanceof Table table)) return "expected a table";
            if (table.elementType() != t.elementType()) return "element type " + table.elementType() + " is not " + t.elementType();
            return limitsMismatch(table.size(), table.maxSize(), table.hasDeclaredMax(), t.limits());
        }
        if (wanted instanceof MemoryType m) {
            if (!(value instanceof Memory memory)) return "expected a memory";
            return limitsMismatch(memory.pages(), memory.maxPages(), memory.hasDeclaredMax(), m.limits());
        }
        GlobalType g = (GlobalType) wanted;
        if (!(value instanceof Global global)) return "expected a global";
        if (!global.type().equals(g)) return "global type " + global.type() + " is not " + g;
        return null;
    }

    /** Spec 4.5.2 limits: the actual minimum is at least, and the actual maximum at most, the import's. */
    private static String limitsMismatch(long min, long max, boolean hasMax, Limits wanted) {
        if (min < wanted.min()) return "minimum " + min + " is below " + wanted.min();
        if (wanted.hasMax()) {
            if (!hasMax) return "no maximum, but at most " + wanted.max() + " is required";
            if (max > wanted.max()) return "maximum " + max + " is above " + wanted.max();
        }
        return null;
    }
}
