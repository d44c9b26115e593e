package dev.nebula.text;

import dev.nebula.decoder.model.ValType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code .wast} script into {@link WastCommand}s: every command kind of the spec suite
 * (module, register, invoke, get, assert_return, assert_trap, assert_exhaustion, assert_malformed,
 * assert_invalid, assert_unlinkable, and assert_trap of a module, which is an uninstantiable module).
 *
 * <p>Text modules are encoded to binary as they are read. A module whose text does not parse is
 * kept with its error rather than failing the script, and a quoted module is kept as text, so
 * that the assertion about it decides; only a script whose own syntax is broken is rejected.
 */
public final class WastReader {

    private static final java.util.Set<String> MODULE_FIELDS =
            java.util.Set.of("type", "import", "func", "table", "memory", "global", "export", "start", "elem", "data");

    private final Tokens t;

    private WastReader(Tokens tokens) {
        this.t = tokens;
    }

    /** @throws TextFormatException when the script's own syntax is broken */
    public static List<WastCommand> read(byte[] source) {
        return new WastReader(Lexer.tokenize(source)).commands();
    }

    public static List<WastCommand> read(String source) {
        return read(source.getBytes(StandardCharsets.UTF_8));
    }

    private List<WastCommand> commands() {
        List<WastCommand> out = new ArrayList<>();
        while (!t.atEof()) {
            if (!t.isLpar()) throw t.unexpected(t.peek());
            out.add(command());
        }
        return out;
    }

    private WastCommand command() {
        // wast2json numbers a command by its keyword's line, and an assertion by its module's or
        // action's keyword: the lines skip rules name.
        int line = t.peek(1).line();
        String head = t.sexprHead();
        if (head == null) throw t.unexpected(t.peek(1));
        if (MODULE_FIELDS.contains(head)) {
            // A script may be a bare module: its fields without the (module ...) around them.
            return new WastCommand.DefineModule(line, new WastCommand.Module(null, WastCommand.Module.Kind.TEXT,
                    ModuleParser.parseFields(t, null, false), null, null));
        }
        if (head.equals("module")) return new WastCommand.DefineModule(line, module());
        if (head.equals("invoke") || head.equals("get")) return new WastCommand.Perform(line, action());
        t.lpar();
        t.next();
        if (t.isLpar() && !head.equals("register")) line = t.peek(1).line();
        WastCommand c = switch (head) {
            case "register" -> {
                String as = t.name();
                yield new WastCommand.Register(line, as, t.optionalId());
            }
            case "assert_return" -> {
                WastCommand.Action a = action();
                List<WastValue> expected = new ArrayList<>();
                while (t.isLpar()) expected.add(value(true));
                yield new WastCommand.AssertReturn(line, a, expected);
            }
            case "assert_trap" -> {
                if (t.isSexpr("module")) yield new WastCommand.AssertModule(line, "assert_uninstantiable", module(), text());
                yield new WastCommand.AssertTrap(line, action(), text(), false);
            }
            case "assert_exhaustion" -> new WastCommand.AssertTrap(line, action(), text(), true);
            case "assert_malformed", "assert_invalid", "assert_unlinkable", "assert_uninstantiable" ->
                    new WastCommand.AssertModule(line, head, module(), text());
            default -> throw t.error("unknown operator", t.peek(-1));
        };
        t.rpar();
        return c;
    }

    private String text() {
        return new String(t.string(), StandardCharsets.UTF_8);
    }

    /**
     * A {@code (module ...)}: binary as is, quoted kept as text, text encoded now. A text module
     * that does not parse keeps its error, and the cursor moves past its closing parenthesis.
     */
    private WastCommand.Module module() {
        int open = t.position();
        String id = t.peek(2).kind() == Token.Kind.ID ? t.peek(2).text() : null;
        try {
            WatParser.ModuleForm form = WatParser.moduleForm(t, false, false);
            return switch (form.kind()) {
                case BINARY -> new WastCommand.Module(form.id(), WastCommand.Module.Kind.BINARY, form.bytes(), null, null);
                case QUOTE -> new WastCommand.Module(form.id(), WastCommand.Module.Kind.QUOTE, null, form.quotedText(), null);
                case TEXT -> new WastCommand.Module(form.id(), WastCommand.Module.Kind.TEXT, form.bytes(), null, null);
            };
        } catch (TextFormatException e) {
            t.seek(t.closing(open) + 1);
            return new WastCommand.Module(id, WastCommand.Module.Kind.TEXT, null, null, e);
        }
    }

    private WastCommand.Action action() {
        t.lpar();
        Token at = t.peek();
        String kind = t.atom();
        if (!kind.equals("invoke") && !kind.equals("get")) throw t.unexpected(at);
        String module = t.optionalId();
        String field = t.name();
        List<WastValue> args = new ArrayList<>();
        if (kind.equals("invoke")) while (t.isLpar()) args.add(value(false));
        t.rpar();
        return new WastCommand.Action(kind.equals("invoke"), module, field, args);
    }

    /** {@code (T.const ...)} or a reference; NaN patterns only where {@code result}. */
    private WastValue value(boolean result) {
        t.lpar();
        Token at = t.peek();
        String op = t.atom();
        WastValue v = switch (op) {
            case "i32.const" -> new WastValue.Num(ValType.I32, number(() -> NumberLiterals.integer(text(at), 32)));
            case "i64.const" -> new WastValue.Num(ValType.I64, number(() -> NumberLiterals.integer(text(at), 64)));
            case "f32.const" -> floatValue(ValType.F32, result);
            case "f64.const" -> floatValue(ValType.F64, result);
            case "v128.const" -> vector(result);
            case "ref.null" -> new WastValue.Ref(TypeSyntax.heapType(t), null);
            case "ref.extern", "ref.func" -> {
                ValType type = op.equals("ref.extern") ? ValType.EXTERNREF : ValType.FUNCREF;
                if (t.isRpar()) yield new WastValue.AnyRef(type);
                yield new WastValue.Ref(type, TypeSyntax.u32(t));
            }
            default -> throw t.error("unknown operator", at);
        };
        t.rpar();
        return v;
    }

    private String text(Token ignored) {
        Token at = t.peek();
        if (at.kind() != Token.Kind.ATOM) throw t.unexpected(at);
        return at.text();
    }

    private long number(java.util.function.LongSupplier parse) {
        Token at = t.peek();
        try {
            long v = parse.getAsLong();
            t.next();
            return v;
        } catch (NumberLiterals.NotANumber e) {
            throw t.error("unknown operator", at);
        } catch (NumberLiterals.OutOfRange e) {
            throw t.error("constant out of range", at);
        }
    }

    private WastValue floatValue(ValType type, boolean result) {
        Token at = t.peek();
        if (result && at.kind() == Token.Kind.ATOM && (at.text().equals("nan:canonical") || at.text().equals("nan:arithmetic"))) {
            t.next();
            return new WastValue.NanPattern(type, at.text().equals("nan:canonical"));
        }
        boolean dbl = type == ValType.F64;
        return new WastValue.Num(type, number(() -> dbl ? NumberLiterals.f64(text(at)) : NumberLiterals.f32(text(at)) & 0xFFFF_FFFFL));
    }

    private WastValue vector(boolean result) {
        Token at = t.peek();
        int[] shape = at.kind() == Token.Kind.ATOM ? V128Literals.shape(at.text()) : null;
        if (shape == null) throw t.unexpected(at);
        t.next();
        int bits = shape[1];
        boolean floating = shape[2] == 1;
        List<WastValue.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < shape[0]; i++) {
            Token lane = t.peek();
            if (lane.kind() != Token.Kind.ATOM) throw t.error("wrong number of lane literals", lane);
            if (result && floating && (lane.text().equals("nan:canonical") || lane.text().equals("nan:arithmetic"))) {
                t.next();
                lanes.add(new WastValue.Lane(0, lane.text().equals("nan:canonical")));
                continue;
            }
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            long v = number(() -> floating
                    ? (bits == 32 ? NumberLiterals.f32(lane.text()) & 0xFFFF_FFFFL : NumberLiterals.f64(lane.text()))
                    : NumberLiterals.integer(lane.text(), bits));
            lanes.add(new WastValue.Lane(v & mask, null));
        }
        return new WastValue.Vector(at.text(), bits, floating, lanes);
    }
}
