package dev.nebula.text;

import dev.nebula.decoder.Immediate;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instructions of the text format (spec 6.5), plain and folded, written straight into the binary
 * format (spec 5.4). Labels are resolved here, since they are scoped by nesting; every other index
 * goes through the {@link ModuleParser}, whose index spaces are complete before any code is read.
 *
 * <p>Plain blocks are kept on an explicit stack; folded instructions recurse, and
 * {@link Lexer#MAX_DEPTH} bounds their nesting, so recursion stays far from a thread's stack limit.
 */
final class CodeParser {

    private static final Map<String, Opcode> BY_MNEMONIC = new HashMap<>();

    static {
        for (Opcode op : Opcode.values()) {
            if (op == Opcode.SELECT_T || op == Opcode.ELSE || op == Opcode.END) continue;
            BY_MNEMONIC.put(op.mnemonic(), op);
        }
    }

    private final ModuleParser module;
    private final Tokens t;
    private final WasmWriter out;
    private final Map<String, Integer> locals;
    private final List<String> labels = new ArrayList<>();

    CodeParser(ModuleParser module, Tokens tokens, WasmWriter out, Map<String, Integer> locals) {
        this.module = module;
        this.t = tokens;
        this.out = out;
        this.locals = locals;
    }

    /** Instructions up to the closing {@code )} of the enclosing form (not consumed). */
    void body() {
        instructions(out);
    }

    /** One folded instruction: the abbreviated offset {@code (instr)} of segments and element items. */
    void oneFolded() {
        folded(out);
    }

    /**
     * Instructions up to the {@code )} that closes the enclosing form (not consumed). Plain
     * {@code block}/{@code loop}/{@code if} ... {@code end} are tracked on an explicit stack, not by
     * recursion, since a compiler's switch may nest thousands of them; only folded forms recurse,
     * and the lexer bounds their depth.
     */
    private void instructions(WasmWriter w) {
        // For each plain block opened here: 'b'lock, 'l'oop, 'i'f, or 'e' for an if past its else.
        StringBuilder kinds = new StringBuilder();
        while (true) {
            Token at = t.peek();
            if (at.kind() == Token.Kind.RPAR || at.kind() == Token.Kind.EOF) {
                if (kinds.length() > 0 || at.kind() == Token.Kind.EOF) throw t.unexpected(at);
                return;
            }
            if (at.kind() == Token.Kind.LPAR) {
                folded(w);
                continue;
            }
            if (at.kind() != Token.Kind.ATOM) throw t.unexpected(at);
            switch (at.text()) {
                case "block", "loop", "if" -> {
                    t.next();
                    String label = t.optionalId();
                    w.u8(at.text().equals("block") ? 0x02 : at.text().equals("loop") ? 0x03 : 0x04);
                    blockType(w);
                    labels.add(label);
                    kinds.append(at.text().charAt(0));
                }
                case "else" -> {
                    int top = kinds.length() - 1;
                    if (top < 0 || kinds.charAt(top) != 'i') throw t.unexpected(at);
                    t.next();
                    endLabel(labels.get(labels.size() - 1));
                    kinds.setCharAt(top, 'e');
                    w.u8(0x05);
                }
                case "end" -> {
                    if (kinds.length() == 0) throw t.unexpected(at);
                    t.next();
                    endLabel(labels.get(labels.size() - 1));
                    labels.remove(labels.size() - 1);
                    kinds.setLength(kinds.length() - 1);
                    w.u8(0x0B);
                }
                default -> {
                    t.next();
                    plain(at.text(), at, w);
                }
            }
        }
    }

    /** The optional {@code $id} after {@code end} or {@code else} must repeat the block's label. */
    private void endLabel(String label) {
        Token at = t.peek();
        String id = t.optionalId();
        if (id != null && !id.equals(label)) throw t.error("mismatching label", at);
    }

    private void folded(WasmWriter w) {
        t.lpar();
        Token at = t.peek();
        if (at.kind() != Token.Kind.ATOM) throw t.unexpected(at);
        String word = at.text();
        // A declaration out of place (a param after the code began, a type after the results).
        if (word.equals("param") || word.equals("result") || word.equals("type") || word.equals("local")) throw t.unexpected(at);
        t.next();
        switch (word) {
            case "block", "loop" -> {
                String label = t.optionalId();
                w.u8(word.equals("block") ? 0x02 : 0x03);
                blockType(w);
                labels.add(label);
                instructions(w);
                labels.remove(labels.size() - 1);
                w.u8(0x0B);
            }
            case "if" -> {
                String label = t.optionalId();
                WasmWriter type = new WasmWriter();
                blockType(type);
                while (t.isLpar() && !t.isSexpr("then")) folded(w);
                w.u8(0x04).append(type);
                labels.add(label);
                t.open("then");
                instructions(w);
                t.rpar();
                if (t.isSexpr("else")) {
                    t.lpar();
                    t.next();
                    w.u8(0x05);
                    instructions(w);
                    t.rpar();
                }
                labels.remove(labels.size() - 1);
                w.u8(0x0B);
            }
            default -> {
                WasmWriter op = new WasmWriter();
                plain(word, at, op);
                while (t.isLpar()) folded(w);
                w.append(op);
            }
        }
        t.rpar();
    }

    /** A plain instruction whose keyword {@code word} was just read. */
    private void plain(String word, Token at, WasmWriter w) {
        if (word.equals("select")) {
            select(w);
            return;
        }
        Opcode op = BY_MNEMONIC.get(word);
        if (op == null || op.immediate() == Immediate.BLOCK_TYPE) throw t.error("unknown operator", at);
        if (op.prefix() == 0) w.u8(op.code());
        else w.u8(op.prefix()).u32(op.code());
        immediates(op, w);
    }

    private void select(WasmWriter w) {
        List<ValType> types = new ArrayList<>();
        boolean typed = false;
        while (t.isSexpr("result")) {
            typed = true;
            t.lpar();
            t.next();
            while (!t.isRpar()) types.add(TypeSyntax.valType(t));
            t.rpar();
        }
        if (!typed) {
            w.u8(0x1B);
            return;
        }
        w.u8(0x1C).u32(types.size());
        for (ValType v : types) w.u8(v.code());
    }

    private void immediates(Opcode op, WasmWriter w) {
        switch (op.immediate()) {
            case NONE, BLOCK_TYPE -> { }
            case LABEL -> w.u32(label());
            case LABEL_TABLE -> {
                List<Integer> targets = new ArrayList<>();
                targets.add(label());
                while (isIndex()) targets.add(label());
                w.u32(targets.size() - 1);
                for (int l : targets) w.u32(l & 0xFFFF_FFFFL);
            }
            case FUNCTION -> w.u32(module.index(t, module.funcs));
            case CALL_INDIRECT -> {
                int table = isIndex() ? module.index(t, module.tables) : 0;
                int type = module.typeUse(t, null);
                w.u32(type).u32(table);
            }
            case LOCAL -> w.u32(local());
            case GLOBAL -> w.u32(module.index(t, module.globals));
            case TABLE -> w.u32(isIndex() ? module.index(t, module.tables) : 0);
            case ELEM -> w.u32(module.index(t, module.elems));
            case DATA -> {
                module.usesDataCount();
                w.u32(module.index(t, module.datas));
            }
            case MEMARG -> memarg(op, w);
            case MEMARG_LANE -> {
                memarg(op, w);
                w.u8(lane());
            }
            case MEMORY -> {
                if (isIndex()) module.index(t, module.memories);
                w.u8(0);
            }
            case MEMORY_INIT -> {
                module.usesDataCount();
                w.u32(module.index(t, module.datas)).u8(0);
            }
            case MEMORY_COPY -> w.u8(0).u8(0);
            case TABLE_INIT -> {
                int first = module.index(t, isIndex() && isIndexAt(1) ? module.tables : module.elems);
                if (isIndex()) w.u32(module.index(t, module.elems)).u32(first);
                else w.u32(first).u32(0);
            }
            case TABLE_COPY -> {
                if (isIndex()) {
                    int dst = module.index(t, module.tables);
                    int src = module.index(t, module.tables);
                    w.u32(dst).u32(src);
                } else {
                    w.u32(0).u32(0);
                }
            }
            case I32 -> w.s64((int) integer(32));
            case I64 -> w.s64(integer(64));
            case F32 -> w.fixed32((int) floating(false));
            case F64 -> w.fixed64(floating(true));
            case V128 -> V128Literals.write(t, w);
            case LANE -> w.u8(lane());
            case SHUFFLE -> shuffleLanes(w);
            case REF_TYPE -> w.u8(TypeSyntax.heapType(t).code());
            case SELECT_TYPES -> throw new IllegalStateException("select is parsed apart");
        }
    }

    private void memarg(Opcode op, WasmWriter w) {
        long offset = 0;
        int natural = op.naturalAlignment();
        long align = 1L << natural;
        Token at = t.peek();
        if (at.kind() == Token.Kind.ATOM && at.text().startsWith("offset=")) {
            t.next();
            offset = TypeSyntax.u32(at.text().substring(7), at);
            at = t.peek();
        }
        if (at.kind() == Token.Kind.ATOM && at.text().startsWith("align=")) {
            t.next();
            align = TypeSyntax.u32(at.text().substring(6), at);
            if (align == 0 || (align & (align - 1)) != 0) throw t.error("alignment must be a power of two", at);
        }
        w.u32(Long.numberOfTrailingZeros(align)).u32(offset);
    }

    /**
     * A lane index: a natural number below 256 (spec 6.5.10). Anything else that is not a natural
     * number is a token out of place, as the reference parser has it; a shuffle's lanes are stricter.
     */
    private int lane() {
        Token at = t.peek();
        if (at.kind() != Token.Kind.ATOM || !NumberLiterals.looksNumeric(at.text())) throw t.unexpected(at);
        java.math.BigInteger v;
        try {
            v = NumberLiterals.unsigned(at.text());
        } catch (NumberLiterals.NotANumber e) {
            throw t.unexpected(at);
        }
        t.next();
        if (v.compareTo(java.math.BigInteger.valueOf(255)) > 0) throw t.error("malformed lane index", at);
        return v.intValue();
    }

    /** The 16 lane indices of {@code i8x16.shuffle}: fewer or more is "invalid lane length". */
    private void shuffleLanes(WasmWriter w) {
        for (int i = 0; i < 16; i++) {
            Token at = t.peek();
            if (at.kind() != Token.Kind.ATOM || !NumberLiterals.looksNumeric(at.text())) throw t.error("invalid lane length", at);
            try {
                java.math.BigInteger v = NumberLiterals.unsigned(at.text());
                if (v.compareTo(java.math.BigInteger.valueOf(255)) > 0) throw t.error("malformed lane index", at);
                w.u8(v.intValue());
            } catch (NumberLiterals.NotANumber e) {
                throw t.error("malformed lane index", at);
            }
            t.next();
        }
        Token extra = t.peek();
        if (extra.kind() == Token.Kind.ATOM && NumberLiterals.looksNumeric(extra.text())) throw t.error("invalid lane length", extra);
    }

    private long integer(int bits) {
        Token at = t.peek();
        if (at.kind() != Token.Kind.ATOM) throw t.unexpected(at);
        t.next();
        try {
            return NumberLiterals.integer(at.text(), bits);
        } catch (NumberLiterals.NotANumber e) {
            throw t.error(NumberLiterals.isFloatLiteral(at.text()) ? "unexpected token" : "unknown operator", at);
        } catch (NumberLiterals.OutOfRange e) {
            throw t.error("constant out of range", at);
        }
    }

    private long floating(boolean dbl) {
        Token at = t.peek();
        if (at.kind() != Token.Kind.ATOM) throw t.unexpected(at);
        t.next();
        try {
            return dbl ? NumberLiterals.f64(at.text()) : NumberLiterals.f32(at.text()) & 0xFFFF_FFFFL;
        } catch (NumberLiterals.NotANumber e) {
            throw t.error(NumberLiterals.isFloatLiteral(at.text()) ? "unexpected token" : "unknown operator", at);
        } catch (NumberLiterals.OutOfRange e) {
            throw t.error("constant out of range", at);
        }
    }

    private boolean isIndex() {
        return isIndexAt(0);
    }

    private boolean isIndexAt(int ahead) {
        Token at = t.peek(ahead);
        if (at.kind() == Token.Kind.ID) return true;
        return at.kind() == Token.Kind.ATOM && !at.text().isEmpty() && Character.isDigit(at.text().charAt(0));
    }

    private int label() {
        Token at = t.peek();
        if (at.kind() == Token.Kind.ID) {
            t.next();
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (at.text().equals(labels.get(i))) return labels.size() - 1 - i;
            }
            throw t.error("unknown label", at);
        }
        return (int) TypeSyntax.u32(t);
    }

    private int local() {
        Token at = t.peek();
        if (at.kind() == Token.Kind.ID) {
            t.next();
            Integer i = locals.get(at.text());
            if (i == null) throw t.error("unknown local", at);
            return i;
        }
        return (int) TypeSyntax.u32(t);
    }

    /**
     * A block type (spec 6.5.2): nothing, one result, or a type use that becomes a type index
     * (implicit types are added as for functions). Parameters of a block cannot be named.
     */
    private void blockType(WasmWriter w) {
        if (t.isSexpr("type")) {
            w.s64(module.typeUse(t, null));
            return;
        }
        int start = t.position();
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        module.inlineSignature(t, params, results, null);
        if (params.isEmpty() && results.isEmpty()) {
            w.u8(0x40);
        } else if (params.isEmpty() && results.size() == 1) {
            w.u8(results.get(0).code());
        } else {
            t.seek(start);
            w.s64(module.typeUse(t, null));
        }
    }

    /** Whether {@code word} is an instruction keyword (a plain {@code v128.const}'s literals end at one). */
    static boolean isKnownMnemonic(String word) {
        return BY_MNEMONIC.containsKey(word) || word.equals("select");
    }
}
