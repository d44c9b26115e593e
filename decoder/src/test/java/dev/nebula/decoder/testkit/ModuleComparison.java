package dev.nebula.decoder.testkit;

import dev.nebula.decoder.model.CustomSection;
import dev.nebula.decoder.model.DataSegment;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.SectionInfo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Structural equality of two decoded modules, field by field, that names the first difference.
 *
 * <p>{@link DecodedModule} has no content equality, and a record's would not do either: bodies,
 * constant expressions, data and custom payloads are byte <em>ranges</em> of each module's own
 * bytes, so two equal modules whose encodings differ anywhere before a range (a padded LEB128, a
 * data segment flag) have different offsets. Here ranges are compared by their contents, arrays by
 * their elements, and offsets never; the order of sections (custom ones included) is compared by
 * id. Instructions are compared as bytes, which is what the model holds.
 */
public final class ModuleComparison {

    private final DecodedModule a;
    private final DecodedModule b;
    private final byte[] ab;
    private final byte[] bb;

    private ModuleComparison(DecodedModule a, DecodedModule b) {
        this.a = a;
        this.b = b;
        this.ab = a.bytesUnsafe();
        this.bb = b.bytesUnsafe();
    }

    /** The first difference between the two modules, e.g. {@code "body 3: code"}, or null when they are equal. */
    public static String firstDifference(DecodedModule a, DecodedModule b) {
        return new ModuleComparison(a, b).compare();
    }

    /** Throws an {@link AssertionError} naming the first difference, if any. */
    public static void assertSameModule(DecodedModule expected, DecodedModule actual) {
        String difference = firstDifference(expected, actual);
        if (difference != null) throw new AssertionError("modules differ: " + difference);
    }

    private String compare() {
        String d;
        if ((d = differs("section order", sectionIds(a), sectionIds(b))) != null) return d;
        if ((d = differs("types", a.types(), b.types())) != null) return d;
        if ((d = differs("imports", a.imports(), b.imports())) != null) return d;
        if (!Arrays.equals(a.definedFunctionTypeIndices(), b.definedFunctionTypeIndices())) return "function section";
        if ((d = differs("tables", a.tables(), b.tables())) != null) return d;
        if ((d = differs("memories", a.memories(), b.memories())) != null) return d;
        if ((d = globals()) != null) return d;
        if ((d = differs("exports", a.exports(), b.exports())) != null) return d;
        if (a.startFunction() != b.startFunction()) return "start: " + a.startFunction() + " vs " + b.startFunction();
        if ((d = elements()) != null) return d;
        if (a.dataCount() != b.dataCount()) return "data count: " + a.dataCount() + " vs " + b.dataCount();
        if ((d = bodies()) != null) return d;
        if ((d = data()) != null) return d;
        if ((d = customSections()) != null) return d;
        return differs("names", a.names(), b.names());
    }

    private static List<Integer> sectionIds(DecodedModule m) {
        return m.sections().stream().map(SectionInfo::id).toList();
    }

    private static String differs(String what, Object x, Object y) {
        return Objects.equals(x, y) ? null : what + ": " + x + " vs " + y;
    }

    private String globals() {
        if (a.globals().size() != b.globals().size()) return "global count";
        for (int i = 0; i < a.globals().size(); i++) {
            if (!a.globals().get(i).type().equals(b.globals().get(i).type())) return "global " + i + ": type";
            if (!sameExpression(a.globals().get(i).init(), b.globals().get(i).init())) return "global " + i + ": initializer";
        }
        return null;
    }

    private String elements() {
        if (a.elements().size() != b.elements().size()) return "element segment count";
        for (int i = 0; i < a.elements().size(); i++) {
            ElementSegment x = a.elements().get(i);
            ElementSegment y = b.elements().get(i);
            String at = "element segment " + i + ": ";
            if (x.encoding() != y.encoding()) return at + "encoding " + x.encoding() + " vs " + y.encoding();
            if (x.mode() != y.mode()) return at + "mode";
            if (x.type() != y.type()) return at + "type";
            if (x.tableIndex() != y.tableIndex()) return at + "table";
            if ((x.offset() == null) != (y.offset() == null) || x.offset() != null && !sameExpression(x.offset(), y.offset())) {
                return at + "offset";
            }
            if (x.hasFunctionIndices() != y.hasFunctionIndices()) return at + "item form";
            if (x.hasFunctionIndices()) {
                if (!Arrays.equals(x.functionIndices(), y.functionIndices())) return at + "function indices";
            } else {
                if (x.size() != y.size()) return at + "item count";
                for (int j = 0; j < x.size(); j++) {
                    if (!sameExpression(x.expressions().get(j), y.expressions().get(j))) return at + "item " + j;
                }
            }
        }
        return null;
    }

    private String bodies() {
        if (a.bodies().size() != b.bodies().size()) return "body count";
        for (int i = 0; i < a.bodies().size(); i++) {
            FunctionBody x = a.bodies().get(i);
            FunctionBody y = b.bodies().get(i);
            if (x.localRunCount() != y.localRunCount()) return "body " + i + ": local declaration count";
            for (int r = 0; r < x.localRunCount(); r++) {
                if (x.localRunLength(r) != y.localRunLength(r) || x.localRunType(r) != y.localRunType(r)) {
                    return "body " + i + ": local declaration " + r;
                }
            }
            if (!sameRange(x.codeStart(), x.codeEnd(), y.codeStart(), y.codeEnd())) return "body " + i + ": code";
        }
        return null;
    }

    private String data() {
        if (a.data().size() != b.data().size()) return "data segment count";
        for (int i = 0; i < a.data().size(); i++) {
            DataSegment x = a.data().get(i);
            DataSegment y = b.data().get(i);
            String at = "data segment " + i + ": ";
            if (x.mode() != y.mode()) return at + "mode";
            if (x.memoryIndex() != y.memoryIndex()) return at + "memory";
            if ((x.offset() == null) != (y.offset() == null) || x.offset() != null && !sameExpression(x.offset(), y.offset())) {
                return at + "offset";
            }
            if (!sameRange(x.dataStart(), x.dataStart() + x.dataLength(), y.dataStart(), y.dataStart() + y.dataLength())) {
                return at + "bytes";
            }
        }
        return null;
    }

    private String customSections() {
        if (a.customSections().size() != b.customSections().size()) return "custom section count";
        for (int i = 0; i < a.customSections().size(); i++) {
            CustomSection x = a.customSections().get(i);
            CustomSection y = b.customSections().get(i);
            if (!x.name().equals(y.name())) return "custom section " + i + ": name " + x.name() + " vs " + y.name();
            if (!sameRange(x.payloadStart(), x.payloadStart() + x.payloadLength(), y.payloadStart(), y.payloadStart() + y.payloadLength())) {
                return "custom section " + i + " (" + x.name() + "): payload";
            }
        }
        return null;
    }

    private boolean sameExpression(Expression x, Expression y) {
        return sameRange(x.start(), x.end(), y.start(), y.end());
    }

    private boolean sameRange(int xFrom, int xTo, int yFrom, int yTo) {
        return Arrays.equals(ab, xFrom, xTo, bb, yFrom, yTo);
    }
}
