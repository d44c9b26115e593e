package dev.nebula.text;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.CustomSection;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.SectionInfo;
import dev.nebula.decoder.model.SegmentMode;
import dev.nebula.decoder.model.ValType;
import dev.nebula.decoder.testkit.ModuleComparison;
import dev.nebula.decoder.testkit.SampleModules;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.nebula.decoder.testkit.Encode.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link ModuleEncoder} on hand-made models: the canonical order without section records, and clear errors. */
class ModuleEncoderTest {

    /** Source bytes for the ranges below: a body's code {@code end}, an offset {@code i32.const 0 end}, a payload. */
    private static final byte[] SOURCE = hex("0b 41 00 0b 2a");

    @Test
    void theSampleWithEverySectionComesBackButForItsDataFlags() {
        byte[] sample = SampleModules.everySection();
        DecodedModule decoded = ModuleDecoder.decode(sample);
        byte[] encoded = ModuleEncoder.encode(decoded);
        ModuleComparison.assertSameModule(decoded, ModuleDecoder.decode(encoded));
        // Its third data segment starts "02 00": flags 2 with memory 0, which the encoder writes as
        // "00". So the data section is one byte shorter, and nothing else differs.
        SectionInfo data = decoded.sections().stream().filter(x -> x.id() == 11).findFirst().orElseThrow();
        int flags = indexOf(sample, hex("02 00 41 08 0b"));
        byte[] expected = new byte[sample.length - 1];
        System.arraycopy(sample, 0, expected, 0, flags); // everything before the 02
        System.arraycopy(sample, flags + 1, expected, flags, sample.length - flags - 1); // from the memory index 00 on
        expected[data.contentStart() - 1]--; // the section's size, one byte long
        assertArrayEquals(expected, encoded);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void aModelWithoutSectionRecordsGetsTheOrderOfSpec552() {
        DecodedModule.Builder b = new DecodedModule.Builder(SOURCE);
        b.customSections.add(new CustomSection("c", 4, 1));
        b.types.add(FuncType.EMPTY);
        b.functionTypeIndices(new int[]{0});
        b.bodies.add(new FunctionBody(new long[0], new ValType[0], 0, 1));
        b.dataCount(0);
        byte[] expected = hex("00 61 73 6d 01 00 00 00"
                + " 01 04 01 60 00 00"   // type section: [] -> []
                + " 03 02 01 00"         // function section: type 0
                + " 0c 01 00"            // data count 0, before code
                + " 0a 04 01 02 00 0b"   // code: one body, no locals, end
                + " 00 03 01 63 2a");    // custom section "c" at the end
        byte[] encoded = ModuleEncoder.encode(b.build());
        assertArrayEquals(expected, encoded);
        assertEquals(List.of(1, 3, 12, 10, 0), ModuleDecoder.decode(encoded).sections().stream().map(SectionInfo::id).toList());
    }

    @Test
    void anElementSegmentItsEncodingCannotExpressIsRefused() {
        DecodedModule.Builder b = new DecodedModule.Builder(SOURCE);
        // Encoding 0 means table 0 and funcref; an externref segment needs encoding 4 or 6.
        b.elements.add(new ElementSegment(0, SegmentMode.ACTIVE, ValType.EXTERNREF, 0, new Expression(1, 4), new int[0], null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleEncoder.encode(b.build()));
        assertEquals("element segment 0: encoding 0 implies table 0 and funcref", e.getMessage());

        DecodedModule.Builder passive = new DecodedModule.Builder(SOURCE);
        passive.elements.add(new ElementSegment(0, SegmentMode.PASSIVE, ValType.FUNCREF, 0, null, new int[0], null));
        e = assertThrows(IllegalArgumentException.class, () -> ModuleEncoder.encode(passive.build()));
        assertEquals("element segment 0: encoding 0 is ACTIVE, the segment PASSIVE", e.getMessage());
    }

    @Test
    void sectionRecordsThatLeaveOutAPartOfTheModelAreRefused() {
        DecodedModule.Builder b = new DecodedModule.Builder(SOURCE);
        b.types.add(FuncType.EMPTY);
        b.sections.add(new SectionInfo(5, "memory", 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleEncoder.encode(b.build()));
        assertEquals("the model has a type section that its section records leave out", e.getMessage());

        DecodedModule.Builder noStart = new DecodedModule.Builder(SOURCE);
        noStart.sections.add(new SectionInfo(8, "start", 0, 0));
        e = assertThrows(IllegalArgumentException.class, () -> ModuleEncoder.encode(noStart.build()));
        assertEquals("the section records list a start section, the model has no value for it", e.getMessage());
    }
}
