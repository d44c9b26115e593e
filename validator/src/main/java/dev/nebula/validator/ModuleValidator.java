package dev.nebula.validator;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DataSegment;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionImport;
import dev.nebula.decoder.model.Global;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.SegmentMode;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.InvalidModuleException;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a decoded module (spec 3.4.10, modules): types of imports and definitions, limits,
 * constant expressions, segments, the start function, unique export names, and then every
 * function body. Throws {@link InvalidModuleException} with the spec's message for the first
 * rule broken.
 */
public final class ModuleValidator {

    /** Spec 3.2.7: a memory has at most 2^16 pages of 64 KiB (4 GiB). */
    private static final long MAX_MEMORY_PAGES = 65536;

    private ModuleValidator() {
    }

    public static ValidatedModule validate(DecodedModule module) {
        checkImports(module);
        checkFunctionTypes(module);
        int importedTables = module.allTables().size() - module.tables().size();
        for (int i = 0; i < module.tables().size(); i++) checkTable(module.tables().get(i), "table " + (importedTables + i));
        int importedMemories = module.allMemories().size() - module.memories().size();
        for (int i = 0; i < module.memories().size(); i++) checkMemory(module.memories().get(i), "memory " + (importedMemories + i));
        if (module.allMemories().size() > 1) throw new InvalidModuleException("multiple memories", null);

        ModuleContext context = new ModuleContext(module, declaredReferences(module));
        List<GlobalType> importedGlobals = module.allGlobals().subList(0, module.importedGlobalCount());
        ConstantExpressions constants = new ConstantExpressions(context, importedGlobals);
        checkGlobals(module, constants);
        checkElements(module, context, constants);
        checkData(module, context, constants);
        checkStart(module);
        checkExports(module);

        FunctionValidator functions = new FunctionValidator(context);
        int[] maxStackHeights = new int[module.bodies().size()];
        int first = module.importedFunctionCount();
        for (int i = 0; i < maxStackHeights.length; i++) {
            maxStackHeights[i] = functions.validate(first + i, module.bodies().get(i));
        }
        return new ValidatedModule(module, maxStackHeights);
    }

    private static void checkImports(DecodedModule module) {
        for (Import imp : module.imports()) {
            String where = "import " + imp.module() + "." + imp.name();
            if (imp.descriptor() instanceof FunctionImport f) {
                checkTypeIndex(module, f.typeIndex(), where);
            } else if (imp.descriptor() instanceof TableType t) {
                checkTable(t, where);
            } else if (imp.descriptor() instanceof MemoryType m) {
                checkMemory(m, where);
            }
        }
    }

    private static void checkFunctionTypes(DecodedModule module) {
        int[] typeIndices = module.definedFunctionTypeIndices();
        for (int i = 0; i < typeIndices.length; i++) {
            checkTypeIndex(module, typeIndices[i], "function " + (module.importedFunctionCount() + i));
        }
    }

    private static void checkTypeIndex(DecodedModule module, int typeIndex, String where) {
        if (typeIndex < 0 || typeIndex >= module.types().size()) {
            throw new InvalidModuleException("unknown type " + typeIndex, where);
        }
    }

    /** Spec 3.2.1 limits and 3.2.6 table types: min ≤ max within 2^32 - 1. */
    private static void checkTable(TableType table, String where) {
        checkLimits(table.limits(), 0xFFFF_FFFFL, "table size must be at most 2^32-1", where);
    }

    /** Spec 3.2.7 memory types: min ≤ max within 65536 pages. */
    private static void checkMemory(MemoryType memory, String where) {
        checkLimits(memory.limits(), MAX_MEMORY_PAGES, "memory size must be at most 65536 pages (4GiB)", where);
    }

    private static void checkLimits(Limits limits, long range, String rangeMessage, String where) {
        if (limits.min() > range || (limits.hasMax() && limits.max() > range)) {
            throw new InvalidModuleException(rangeMessage, where);
        }
        if (limits.hasMax() && limits.min() > limits.max()) {
            throw new InvalidModuleException("size minimum must not be greater than maximum", where);
        }
    }

    /**
     * C.refs (spec 3.4.10): the functions referenced outside function bodies, in globals, element
     * segments and exports. Only these may appear in ref.func inside a body.
     */
    private static BitSet declaredReferences(DecodedModule module) {
        BitSet refs = new BitSet();
        for (Global global : module.globals()) addReferences(module, global.init(), refs);
        for (ElementSegment segment : module.elements()) {
            if (segment.hasFunctionIndices()) {
                for (int i = 0; i < segment.size(); i++) {
                    int f = segment.functionIndex(i);
                    if (f >= 0 && f < module.functionCount()) refs.set(f);
                }
            } else {
                for (Expression e : segment.expressions()) addReferences(module, e, refs);
            }
        }
        for (Export export : module.exports()) {
            if (export.kind() == dev.nebula.decoder.model.ExternKind.FUNC && export.index() >= 0
                    && export.index() < module.functionCount()) {
                refs.set(export.index());
            }
        }
        return refs;
    }

    private static void addReferences(DecodedModule module, Expression expression, BitSet refs) {
        CodeReader code = new CodeReader(module.bytesUnsafe(), expression.start(), expression.end());
        while (!code.atEnd()) {
            if (code.next() == Opcode.REF_FUNC && code.index() < module.functionCount()) refs.set(code.index());
        }
    }

    private static void checkGlobals(DecodedModule module, ConstantExpressions constants) {
        int first = module.importedGlobalCount();
        for (int i = 0; i < module.globals().size(); i++) {
            Global global = module.globals().get(i);
            constants.check(global.init(), global.type().valType(), "global " + (first + i));
        }
    }

    private static void checkElements(DecodedModule module, ModuleContext context, ConstantExpressions constants) {
        for (int i = 0; i < module.elements().size(); i++) {
            ElementSegment segment = module.elements().get(i);
            String where = "element segment " + i;
            if (segment.mode() == SegmentMode.ACTIVE) {
                int table = segment.tableIndex();
                if (!context.hasTable(table)) throw new InvalidModuleException("unknown table " + table, where);
                constants.check(segment.offset(), ValType.I32, where);
                if (module.allTables().get(table).elementType() != segment.type()) {
                    throw new InvalidModuleException("type mismatch", where);
                }
            }
            if (segment.hasFunctionIndices()) {
                for (int j = 0; j < segment.size(); j++) {
                    int f = segment.functionIndex(j);
                    if (!context.hasFunction(f)) throw new InvalidModuleException("unknown function " + f, where);
                }
            } else {
                for (Expression item : segment.expressions()) constants.check(item, segment.type(), where);
            }
        }
    }

    private static void checkData(DecodedModule module, ModuleContext context, ConstantExpressions constants) {
        for (int i = 0; i < module.data().size(); i++) {
            DataSegment segment = module.data().get(i);
            if (segment.mode() != SegmentMode.ACTIVE) continue;
            String where = "data segment " + i;
            if (segment.memoryIndex() >= context.memoryCount) {
                throw new InvalidModuleException("unknown memory " + segment.memoryIndex(), where);
            }
            constants.check(segment.offset(), ValType.I32, where);
        }
    }

    /** Spec 3.4.9: the start function exists and has type [] -> []. */
    private static void checkStart(DecodedModule module) {
        int start = module.startFunction();
        if (start < 0) return;
        if (start >= module.functionCount()) throw new InvalidModuleException("unknown function " + start, "start");
        FuncType type = module.functionType(start);
        if (!type.params().isEmpty() || !type.results().isEmpty()) {
            throw new InvalidModuleException("start function", "must have type [] -> [], has " + type);
        }
    }

    /** Spec 3.4.8 and 3.4.10: exports refer to existing items and their names are unique. */
    private static void checkExports(DecodedModule module) {
        Set<String> names = new HashSet<>();
        for (Export export : module.exports()) {
            int index = export.index();
            String where = "export \"" + export.name() + "\"";
            switch (export.kind()) {
                case FUNC -> {
                    if (index >= module.functionCount()) throw new InvalidModuleException("unknown function " + index, where);
                }
                case TABLE -> {
                    if (index >= module.allTables().size()) throw new InvalidModuleException("unknown table " + index, where);
                }
                case MEMORY -> {
                    if (index >= module.allMemories().size()) throw new InvalidModuleException("unknown memory " + index, where);
                }
                case GLOBAL -> {
                    if (index >= module.allGlobals().size()) throw new InvalidModuleException("unknown global " + index, where);
                }
            }
            if (!names.add(export.name())) throw new InvalidModuleException("duplicate export name", where);
        }
    }
}
