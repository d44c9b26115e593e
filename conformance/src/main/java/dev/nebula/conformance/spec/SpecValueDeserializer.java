package dev.nebula.conformance.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.nebula.decoder.model.ValType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads wast2json's {@code {"type": ..., "lane_type": ..., "value": ...}} objects into
 * {@link SpecValue}s. The shape of {@code value} depends on {@code type} (a string, a list of lane
 * strings, absent), which is why this is code and not annotations.
 */
final class SpecValueDeserializer extends StdDeserializer<SpecValue> {

    SpecValueDeserializer() {
        super(SpecValue.class);
    }

    @Override
    public SpecValue deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        String typeName = node.path("type").asText();
        ValType type = valueType(typeName);
        if (type == null) return context.reportInputMismatch(SpecValue.class, "unknown value type \"%s\"", typeName);
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) return new SpecValue.TypeOnly(type);
        try {
            return switch (type) {
                case I32, I64, F32, F64 -> scalar(type, value.asText());
                case V128 -> vector(LaneType.fromJson(node.path("lane_type").asText()), value);
                case FUNCREF, EXTERNREF -> reference(type, value.asText());
            };
        } catch (IllegalArgumentException e) {
            return context.reportInputMismatch(SpecValue.class, "bad %s value %s: %s", typeName, value, e.getMessage());
        }
    }

    private static ValType valueType(String name) {
        for (ValType t : ValType.values()) if (t.toString().equals(name)) return t;
        return null;
    }

    private static SpecValue scalar(ValType type, String text) {
        NanKind nan = NanKind.fromText(text);
        if (nan != null) {
            if (type != ValType.F32 && type != ValType.F64) throw new IllegalArgumentException("a NaN pattern needs a float type");
            return new SpecValue.Nan(type, nan);
        }
        int width = type == ValType.I32 || type == ValType.F32 ? 32 : 64;
        return new SpecValue.Num(type, bits(text, width));
    }

    private static SpecValue vector(LaneType laneType, JsonNode lanes) {
        if (!lanes.isArray() || lanes.size() != laneType.laneCount()) {
            throw new IllegalArgumentException("expected " + laneType.laneCount() + " lanes");
        }
        List<SpecValue.Lane> out = new ArrayList<>(lanes.size());
        for (JsonNode lane : lanes) {
            String text = lane.asText();
            NanKind nan = laneType.isFloat() ? NanKind.fromText(text) : null;
            out.add(nan != null ? new SpecValue.Lane(0, nan) : new SpecValue.Lane(bits(text, laneType.bits()), null));
        }
        return new SpecValue.Vector(laneType, out);
    }

    private static SpecValue reference(ValType type, String text) {
        return new SpecValue.Ref(type, text.equals("null") ? null : Long.parseUnsignedLong(text));
    }

    /** Unsigned decimal bits as wast2json writes them; a leading minus is tolerated and wrapped. */
    private static long bits(String text, int width) {
        long v = text.startsWith("-") ? Long.parseLong(text) : Long.parseUnsignedLong(text);
        return width == 64 ? v : v & ((1L << width) - 1);
    }
}
