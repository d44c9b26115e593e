package dev.nebula.text;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The module fields of the text format (spec 6.6), encoded into the binary format (spec 5.5).
 *
 * <p>Two passes over the fields: the first binds every {@code $id} of every index space and reads
 * the explicit type definitions, so that the second can write each field straight into its
 * section, whatever it refers to. Implicit types (type uses without {@code (type x)}) are added
 * during the second pass, in the order they occur, after all explicit ones (spec 6.6.3).
 */
final class ModuleParser {

    final IndexSpace types = new IndexSpace("type");
    final IndexSpace funcs = new IndexSpace("func");
    final IndexSpace tables = new IndexSpace("table");
    final IndexSpace memories = new IndexSpace("memory");
    final IndexSpace globals = new IndexSpace("global");
    final IndexSpace elems = new IndexSpace("elem");
    final IndexSpace datas = new IndexSpace("data");
    private final TypeTable typeTable = new TypeTable();

    private final Tokens t;
    private final WasmWriter imports = new WasmWriter();
    private final WasmWriter functions = new WasmWriter();
    private final WasmWriter tableSection = new WasmWriter();
    private final WasmWriter memorySection = new WasmWriter();
    private final WasmWriter globalSection = new WasmWriter();
    private final WasmWriter exports = new WasmWriter();
    private final WasmWriter elemSection = new WasmWriter();
    private final WasmWriter code = new WasmWriter();
    private final WasmWriter dataSection = new WasmWriter();
    private int importCount, functionCount, tableCount, memoryCount, globalCount, exportCount, elemCount, dataCount;
    private long start = -1;
    private boolean dataCountNeeded;
    /** The kind of the first definition seen, after which imports are malformed ("import after function"). */
    private String firstDefinition;
    private final Map<Integer, String> functionNames = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> localNames = new HashMap<>();
    private final boolean debugNames;
    private String moduleName;

    private ModuleParser(Tokens tokens, boolean debugNames) {
        this.t = tokens;
        this.debugNames = debugNames;
    }

    /**
     * Parses module fields from the cursor up to the next unmatched {@code )} or the end (not
     * consumed) and returns the binary module.
     */
    static byte[] parseFields(Tokens tokens, String moduleName, boolean debugNames) {
        ModuleParser p = new ModuleParser(tokens, debugNames);
        p.moduleName = moduleName;
        int begin = tokens.position();
        p.declare();
        tokens.seek(begin);
        p.define();
        return p.encode();
    }

    // ---- pass 1: bind ids ----

    private void declare() {
        while (t.isLpar()) {
            int open = t.position();
            int close = t.closing(open);
            t.lpar();
            Token head = t.peek();
            String kind = head.kind() == Token.Kind.ATOM ? head.text() : "";
            t.next();
            switch (kind) {
                case "type" -> typeDefinition();
                case "import" -> {
                    t.name();
                    t.name();
                    if (!t.isLpar()) throw t.unexpected(t.peek());
                    t.lpar();
                    Token at = t.peek();
                    String desc = t.atom();
                    IndexSpace space = spaceOf(desc, at);
                    Token idAt = t.peek();
                    space.add(t.optionalId(), idAt);
                }
                case "func", "global" -> {
                    Token idAt = t.peek();
                    (kind.equals("func") ? funcs : globals).add(t.optionalId(), idAt);
                }
                case "table" -> {
                    Token idAt = t.peek();
                    tables.add(t.optionalId(), idAt);
                    skipExportsAndImport();
                    if (t.peek().kind() == Token.Kind.ATOM && t.peek(1).kind() == Token.Kind.LPAR
                            && t.peek(2).kind() == Token.Kind.ATOM && t.peek(2).text().equals("elem")) {
                        elems.add(null, idAt);
                    }
                }
                case "memory" -> {
                    Token idAt = t.peek();
                    memories.add(t.optionalId(), idAt);
                    skipExportsAndImport();
                    if (t.isSexpr("data")) datas.add(null, idAt);
                }
                case "elem", "data" -> {
                    Token idAt = t.peek();
                    (kind.equals("elem") ? elems : datas).add(t.optionalId(), idAt);
                }
                case "export", "start" -> { }
                default -> throw t.error(head.kind() == Token.Kind.ATOM ? "unknown operator" : "unexpected token", head);
            }
            t.seek(close + 1);
        }
        if (!t.isRpar() && !t.atEof()) throw t.unexpected(t.peek());
    }

    private void skipExportsAndImport() {
        while (t.isSexpr("export") || t.isSexpr("import")) t.skip();
    }

    private IndexSpace spaceOf(String desc, Token at) {
        return switch (desc) {
            case "func" -> funcs;
            case "table" -> tables;
            case "memory" -> memories;
            case "global" -> globals;
            default -> throw t.error("unexpected token", at);
        };
    }

    /** {@code (type $id? (func (param $id? t)* (result t*)*))}, read in pass 1 (after "type"). */
    private void typeDefinition() {
        Token at = t.peek();
        String id = t.optionalId();
        t.open("func");
        t.optionalId();
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        inlineSignature(t, params, results, new ArrayList<>());
        t.rpar();
        t.rpar();
        types.add(id, at);
        typeTable.add(new FuncType(params, results));
    }

    // ---- pass 2: encode ----

    private void define() {
        while (t.isLpar()) {
            int open = t.position();
            t.lpar();
            String kind = t.atom();
            switch (kind) {
                case "type" -> t.seek(t.closing(open));
                case "import" -> importField();
                case "func" -> funcField();
                case "table" -> tableField();
                case "memory" -> memoryField();
                case "global" -> globalField();
                case "export" -> exportField();
                case "start" -> startField();
                case "elem" -> elemField();
                case "data" -> dataField();
                default -> throw new IllegalStateException(kind);
            }
            t.rpar();
        }
    }

    private void importField() {
        Token at = t.peek();
        String module = t.name();
        String name = t.name();
        t.lpar();
        String desc = t.atom();
        String id = t.optionalId();
        switch (desc) {
            case "func" -> {
                if (id != null) functionNames.put(funcIndex, id);
                funcIndex++;
            }
            case "table" -> tableIndex++;
            case "memory" -> memoryIndex++;
            case "global" -> globalIndex++;
            default -> { }
        }
        importDescriptor(desc, module, name, at);
        t.rpar();
    }

    private void importDescriptor(String desc, String module, String name, Token at) {
        if (firstDefinition != null) throw t.error("import after " + firstDefinition, at);
        imports.name(module).name(name);
        importCount++;
        switch (desc) {
            case "func" -> imports.u8(0).u32(typeUse(t, new ArrayList<>()));
            case "table" -> {
                Limits l = TypeSyntax.limits(t);
                ValType r = TypeSyntax.refType(t);
                imports.u8(1).tableType(new TableType(r, l));
            }
            case "memory" -> {
                imports.u8(2).limits(TypeSyntax.limits(t));
            }
            case "global" -> {
                imports.u8(3);
                globalType(imports);
            }
            default -> throw t.error("unexpected token", at);
        }
    }

    private void defined(String kind) {
        if (firstDefinition == null) firstDefinition = kind;
    }

    /** Inline {@code (export "name")*}: each becomes an export of {@code kind} for {@code index}. */
    private void inlineExports(int kind, int index) {
        while (t.isSexpr("export")) {
            t.lpar();
            t.next();
            exports.name(t.name()).u8(kind).u32(index);
            exportCount++;
            t.rpar();
        }
    }

    /** Inline {@code (import "m" "n")}: returns true, after writing the import, when present. */
    private boolean inlineImport(String kind) {
        if (!t.isSexpr("import")) return false;
        Token at = t.peek();
        t.lpar();
        t.next();
        String module = t.name();
        String name = t.name();
        t.rpar();
        importDescriptor(kind, module, name, at);
        return true;
    }

    private int funcIndex;

    private void funcField() {
        Token at = t.peek();
        String id = t.optionalId();
        int index = funcIndex++;
        if (id != null) functionNames.put(index, id);
        inlineExports(0, index);
        if (inlineImport("func")) return;
        defined("function");
        List<String> names = new ArrayList<>();
        int type = typeUse(t, names);
        functions.u32(type);
        functionCount++;
        Map<String, Integer> locals = new HashMap<>();
        Map<Integer, String> localNameMap = new HashMap<>();
        for (int i = 0; i < names.size(); i++) bindLocal(locals, localNameMap, names.get(i), i, at);
        int next = names.size();
        List<ValType> localTypes = new ArrayList<>();
        while (t.isSexpr("local")) {
            Token localAt = t.peek();
            t.lpar();
            t.next();
            String localId = t.optionalId();
            if (localId != null) {
                bindLocal(locals, localNameMap, localId, next++, localAt);
                localTypes.add(TypeSyntax.valType(t));
            } else {
                while (!t.isRpar()) {
                    localTypes.add(TypeSyntax.valType(t));
                    next++;
                }
            }
            t.rpar();
        }
        if (!localNameMap.isEmpty()) localNames.put(index, localNameMap);
        WasmWriter body = new WasmWriter();
        writeLocals(body, localTypes);
        new CodeParser(this, t, body, locals).body();
        body.u8(0x0B);
        code.u32(body.size()).append(body);
    }

    private static void bindLocal(Map<String, Integer> locals, Map<Integer, String> names, String id, int index, Token at) {
        if (id == null) return;
        if (locals.putIfAbsent(id, index) != null) throw new TextFormatException("duplicate local", "$" + id, at.line(), at.column());
        names.put(index, id);
    }

    /** Locals as runs of equal types (spec 5.5.13). */
    private static void writeLocals(WasmWriter w, List<ValType> types) {
        List<int[]> runs = new ArrayList<>();
        for (ValType v : types) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == v.code()) runs.get(runs.size() - 1)[0]++;
            else runs.add(new int[]{1, v.code()});
        }
        w.u32(runs.size());
        for (int[] r : runs) w.u32(r[0]).u8(r[1]);
    }

    private int tableIndex;

    private void tableField() {
        t.optionalId();
        int index = tableIndex++;
        inlineExports(1, index);
        if (inlineImport("table")) return;
        defined("table");
        tableCount++;
        if (t.peek().kind() == Token.Kind.ATOM && TypeSyntax.valType(t.peek().text()) != null) {
            // (table reftype (elem ...)): the table is exactly as large as its inline segment.
            ValType r = TypeSyntax.refType(t);
            t.open("elem");
            WasmWriter items = new WasmWriter();
            int n;
            boolean expressions = t.isLpar();
            n = expressions ? elemExpressions(items) : elemIndices(items);
            t.rpar();
            tableSection.tableType(new TableType(r, Limits.of(n, n)));
            WasmWriter offset = new WasmWriter().u8(0x41).u8(0).u8(0x0B);
            writeElem(expressions ? 4 : 0, index, offset, r, n, items, index != 0 || r != ValType.FUNCREF);
            return;
        }
        Limits l = TypeSyntax.limits(t);
        ValType r = TypeSyntax.refType(t);
        tableSection.tableType(new TableType(r, l));
    }

    private int memoryIndex;

    private void memoryField() {
        t.optionalId();
        int index = memoryIndex++;
        inlineExports(2, index);
        if (inlineImport("memory")) return;
        defined("memory");
        memoryCount++;
        if (t.isSexpr("data")) {
            t.lpar();
            t.next();
            WasmWriter bytes = new WasmWriter();
            while (t.isString()) bytes.bytes(t.string());
            t.rpar();
            long pages = (bytes.size() + 65535L) / 65536;
            memorySection.limits(Limits.of(pages, pages));
            if (index == 0) dataSection.u8(0);
            else dataSection.u8(2).u32(index);
            dataSection.u8(0x41).u8(0).u8(0x0B).u32(bytes.size()).append(bytes);
            dataCount++;
            return;
        }
        memorySection.limits(TypeSyntax.limits(t));
    }

    private int globalIndex;

    private void globalField() {
        t.optionalId();
        int index = globalIndex++;
        inlineExports(3, index);
        if (inlineImport("global")) return;
        defined("global");
        globalCount++;
        globalType(globalSection);
        constantExpression(globalSection);
    }

    private void globalType(WasmWriter w) {
        if (t.isSexpr("mut")) {
            t.lpar();
            t.next();
            w.globalType(new GlobalType(TypeSyntax.valType(t), true));
            t.rpar();
        } else {
            w.globalType(new GlobalType(TypeSyntax.valType(t), false));
        }
    }

    /** Instructions up to the closing parenthesis, then {@code end}. */
    private void constantExpression(WasmWriter w) {
        new CodeParser(this, t, w, Map.of()).body();
        w.u8(0x0B);
    }

    private void exportField() {
        String name = t.name();
        t.lpar();
        Token at = t.peek();
        String kind = t.atom();
        IndexSpace space = spaceOf(kind, at);
        int code = switch (kind) {
            case "func" -> 0;
            case "table" -> 1;
            case "memory" -> 2;
            default -> 3;
        };
        exports.name(name).u8(code).u32(index(t, space));
        exportCount++;
        t.rpar();
    }

    private void startField() {
        Token at = t.peek();
        if (start >= 0) throw t.error("multiple start sections", at);
        start = index(t, funcs);
    }

    private void elemField() {
        t.optionalId();
        boolean declarative = t.takeAtom("declare");
        int table = -1;
        WasmWriter offset = null;
        if (!declarative) {
            if (t.isSexpr("table")) {
                t.lpar();
                t.next();
                table = index(t, tables);
                t.rpar();
            } else if (TypeSyntax.isU32(t) && t.peek(1).kind() == Token.Kind.LPAR || t.peek().kind() == Token.Kind.ID) {
                table = index(t, tables);
            }
            String head = t.sexprHead();
            if (head != null && head.equals("offset")) {
                t.lpar();
                t.next();
                offset = new WasmWriter();
                constantExpression(offset);
                t.rpar();
            } else if (head != null && !head.equals("item") && TypeSyntax.valType(head) == null) {
                offset = new WasmWriter();
                new CodeParser(this, t, offset, Map.of()).oneFolded();
                offset.u8(0x0B);
            }
            if (table >= 0 && offset == null) throw t.unexpected(t.peek());
        }
        WasmWriter items = new WasmWriter();
        ValType type = ValType.FUNCREF;
        boolean expressions;
        int n;
        if (t.takeAtom("func")) {
            expressions = false;
            n = elemIndices(items);
        } else if (t.peek().kind() == Token.Kind.ATOM && TypeSyntax.valType(t.peek().text()) != null) {
            type = TypeSyntax.refType(t);
            expressions = true;
            n = elemExpressions(items);
        } else {
            if (offset == null) throw t.unexpected(t.peek());
            expressions = false;
            n = elemIndices(items);
        }
        int mode = declarative ? 3 : offset == null ? 1 : 0;
        writeElem(expressions ? mode + 4 : mode, Math.max(table, 0), offset, type, n, items, table > 0 || type != ValType.FUNCREF);
    }

    /**
     * An element segment (spec 5.5.12): {@code flags} 0-3 for function indices, 4-7 for
     * expressions; active segments use the explicit-table encoding when {@code explicitTable}.
     */
    private void writeElem(int flags, int table, WasmWriter offset, ValType type, int n, WasmWriter items, boolean explicitTable) {
        boolean active = (flags & 3) == 0;
        boolean indices = flags < 4;
        if (active && explicitTable) flags |= 2;
        elemSection.u32(flags);
        if (active && explicitTable) elemSection.u32(table);
        if (active) elemSection.append(offset);
        if (!active || explicitTable) {
            if (indices) elemSection.u8(0);
            else elemSection.u8(type.code());
        }
        elemSection.u32(n).append(items);
        elemCount++;
    }

    private int elemIndices(WasmWriter items) {
        int n = 0;
        while (!t.isRpar()) {
            items.u32(index(t, funcs));
            n++;
        }
        return n;
    }

    /** {@code (item expr)} or an abbreviated single folded instruction, each ending in {@code end}. */
    private int elemExpressions(WasmWriter items) {
        int n = 0;
        while (t.isLpar()) {
            if (t.isSexpr("item")) {
                t.lpar();
                t.next();
                constantExpression(items);
                t.rpar();
            } else {
                new CodeParser(this, t, items, Map.of()).oneFolded();
                items.u8(0x0B);
            }
            n++;
        }
        return n;
    }

    private void dataField() {
        t.optionalId();
        int memory = -1;
        WasmWriter offset = null;
        if (t.isSexpr("memory")) {
            t.lpar();
            t.next();
            memory = index(t, memories);
            t.rpar();
        } else if (TypeSyntax.isU32(t) || t.peek().kind() == Token.Kind.ID) {
            memory = index(t, memories);
        }
        if (t.isSexpr("offset")) {
            t.lpar();
            t.next();
            offset = new WasmWriter();
            constantExpression(offset);
            t.rpar();
        } else if (t.isLpar()) {
            offset = new WasmWriter();
            new CodeParser(this, t, offset, Map.of()).oneFolded();
            offset.u8(0x0B);
        }
        if (memory >= 0 && offset == null) throw t.unexpected(t.peek());
        WasmWriter bytes = new WasmWriter();
        while (t.isString()) bytes.bytes(t.string());
        if (offset == null) dataSection.u8(1);
        else if (memory <= 0) dataSection.u8(0).append(offset);
        else dataSection.u8(2).u32(memory).append(offset);
        dataSection.u32(bytes.size()).append(bytes);
        dataCount++;
    }

    void usesDataCount() {
        dataCountNeeded = true;
    }

    // ---- shared pieces ----

    /** An index into {@code space}: a u32 or a bound {@code $id}. */
    int index(Tokens tokens, IndexSpace space) {
        Token at = tokens.peek();
        if (at.kind() == Token.Kind.ID) {
            tokens.next();
            int i = space.lookup(at.text());
            if (i < 0) throw tokens.error("unknown " + (space.kind().equals("func") ? "function" : space.kind()), at);
            return i;
        }
        if (at.kind() != Token.Kind.ATOM || !TypeSyntax.isU32(tokens)) throw tokens.unexpected(at);
        return (int) TypeSyntax.u32(tokens);
    }

    /**
     * A type use (spec 6.6.3): {@code (type x)?} then inline {@code (param)*(result)*}. Parameter
     * names go to {@code paramNames} (one entry per parameter, null when unnamed); when it is null,
     * names are not allowed (as in {@code call_indirect} and block types).
     */
    int typeUse(Tokens tokens, List<String> paramNames) {
        int explicit = -1;
        Token typeAt = tokens.peek();
        if (tokens.isSexpr("type")) {
            tokens.lpar();
            tokens.next();
            typeAt = tokens.peek();
            explicit = index(tokens, types);
            tokens.rpar();
        }
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        Token inlineAt = tokens.peek();
        inlineSignature(tokens, params, results, paramNames);
        misplacedDeclaration(tokens);
        FuncType inline = new FuncType(params, results);
        if (explicit < 0) return typeTable.indexOf(inline);
        boolean hasInline = !params.isEmpty() || !results.isEmpty();
        FuncType declared = typeTable.get(explicit);
        if (declared == null) {
            // Without an inline signature the index is only an index: validation judges it.
            if (hasInline) throw tokens.error("unknown type", typeAt);
            return explicit;
        }
        if (hasInline && !declared.equals(inline)) throw tokens.error("inline function type", inlineAt);
        if (paramNames != null && params.isEmpty()) {
            for (int i = 0; i < declared.params().size(); i++) paramNames.add(null);
        }
        return explicit;
    }

    /** A type use is type, then params, then results: any of them again after that is out of place. */
    static void misplacedDeclaration(Tokens tokens) {
        if (tokens.isSexpr("type") || tokens.isSexpr("param") || tokens.isSexpr("result")) throw tokens.unexpected(tokens.peek(1));
    }

    /** {@code (param ...)* (result ...)*}; names allowed only when {@code names} is not null. */
    void inlineSignature(Tokens tokens, List<ValType> params, List<ValType> results, List<String> names) {
        while (tokens.isSexpr("param")) {
            tokens.lpar();
            tokens.next();
            Token idAt = tokens.peek();
            if (idAt.kind() == Token.Kind.ID) {
                if (names == null) throw tokens.unexpected(idAt);
                tokens.next();
                names.add(idAt.text());
                params.add(TypeSyntax.valType(tokens));
            } else {
                while (!tokens.isRpar()) {
                    params.add(TypeSyntax.valType(tokens));
                    if (names != null) names.add(null);
                }
            }
            tokens.rpar();
        }
        while (tokens.isSexpr("result")) {
            tokens.lpar();
            tokens.next();
            while (!tokens.isRpar()) results.add(TypeSyntax.valType(tokens));
            tokens.rpar();
        }
    }

    // ---- output ----

    private byte[] encode() {
        WasmWriter out = new WasmWriter();
        out.preamble();
        if (typeTable.size() > 0) {
            WasmWriter s = new WasmWriter().u32(typeTable.size());
            for (FuncType f : typeTable.all()) s.funcType(f);
            out.section(1, s);
        }
        vectorSection(out, 2, importCount, imports);
        vectorSection(out, 3, functionCount, functions);
        vectorSection(out, 4, tableCount, tableSection);
        vectorSection(out, 5, memoryCount, memorySection);
        vectorSection(out, 6, globalCount, globalSection);
        vectorSection(out, 7, exportCount, exports);
        if (start >= 0) out.section(8, new WasmWriter().u32(start));
        vectorSection(out, 9, elemCount, elemSection);
        if (dataCountNeeded) out.section(12, new WasmWriter().u32(dataCount));
        vectorSection(out, 10, functionCount, code);
        vectorSection(out, 11, dataCount, dataSection);
        if (debugNames) NameSectionWriter.write(out, moduleName, functionNames, localNames);
        return out.toByteArray();
    }

    private static void vectorSection(WasmWriter out, int id, int count, WasmWriter contents) {
        if (count == 0) return;
        out.section(id, new WasmWriter().u32(count).append(contents));
    }
}
