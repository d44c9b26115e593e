package dev.nebula.validator;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.TableType;

import java.util.BitSet;
import java.util.List;

/**
 * The validation context C of spec 3.1.1, prepared once per module in the int codes that
 * {@link TypeStacks} uses: types, functions, tables, memories, globals, element and data
 * segments, and the declared function references C.refs (spec 3.4.10).
 */
final class ModuleContext {

    final DecodedModule module;
    final int[][] typeParams;
    final int[][] typeResults;
    final int functionCount;
    final int[] tableElementTypes;
    final int memoryCount;
    final int[] globalTypes;
    final boolean[] globalMutable;
    final int[] elementTypes;
    final int dataCount;
    final BitSet declaredReferences;

    ModuleContext(DecodedModule module, BitSet declaredReferences) {
        this.module = module;
        List<FuncType> types = module.types();
        typeParams = new int[types.size()][];
        typeResults = new int[types.size()][];
        for (int i = 0; i < types.size(); i++) {
            typeParams[i] = TypeStacks.codes(types.get(i).params());
            typeResults[i] = TypeStacks.codes(types.get(i).results());
        }
        functionCount = module.functionCount();
        List<TableType> tables = module.allTables();
        tableElementTypes = new int[tables.size()];
        for (int i = 0; i < tableElementTypes.length; i++) tableElementTypes[i] = TypeStacks.code(tables.get(i).elementType());
        memoryCount = module.allMemories().size();
        List<GlobalType> globals = module.allGlobals();
        globalTypes = new int[globals.size()];
        globalMutable = new boolean[globals.size()];
        for (int i = 0; i < globalTypes.length; i++) {
            globalTypes[i] = TypeStacks.code(globals.get(i).valType());
            globalMutable[i] = globals.get(i).mutable();
        }
        List<ElementSegment> elements = module.elements();
        elementTypes = new int[elements.size()];
        for (int i = 0; i < elementTypes.length; i++) elementTypes[i] = TypeStacks.code(elements.get(i).type());
        dataCount = module.dataCount() >= 0 ? module.dataCount() : module.data().size();
        this.declaredReferences = declaredReferences;
    }

    boolean hasType(int index) {
        return index >= 0 && index < typeParams.length;
    }

    boolean hasFunction(int index) {
        return index >= 0 && index < functionCount;
    }

    boolean hasTable(int index) {
        return index >= 0 && index < tableElementTypes.length;
    }

    boolean hasGlobal(int index) {
        return index >= 0 && index < globalTypes.length;
    }

    int functionTypeIndex(int functionIndex) {
        return module.functionTypeIndex(functionIndex);
    }
}
