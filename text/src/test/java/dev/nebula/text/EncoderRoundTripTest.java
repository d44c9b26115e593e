package dev.nebula.text;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.Names;
import dev.nebula.decoder.model.SectionInfo;
import dev.nebula.decoder.testkit.ModuleComparison;
import dev.nebula.wasm.MalformedModuleException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decode, encode, decode gives an equal module, for every module of the core suite that is meant
 * to decode and every sightglass program; encoding that again gives the same bytes (the encoder's
 * output is a fixed point). Where the original bytes come back exactly is counted; where they do
 * not, the encoding must be shorter, and the first section whose contents differ is counted.
 */
class EncoderRoundTripTest {

    /** Pinned so that a shrinking suite, or a reader that loses modules, fails here. */
    private static final int SPEC_MODULES = 3856;
    private static final int SIGHTGLASS_MODULES = 119;
    private static final int SIGHTGLASS_WITH_NAMES = 34;

    /**
     * The spec modules whose encoding is not their original bytes: all 27 are the {@code module
     * binary} tests of binary-leb128.wast and binary.wast (and one of float_literals.wast) that
     * write integers in more bytes than needed (or a data segment's flags as 2 for memory 0).
     * The encoder writes the shortest form, so each comes out shorter, which {@link Tally} checks.
     */
    private static final int SPEC_NOT_BYTE_IDENTICAL = 27;

    @Test
    void specSuiteModules() throws IOException {
        Tally tally = new Tally();
        Map<String, Integer> byCommand = new TreeMap<>();
        for (Path script : Suites.specScripts()) {
            for (WastCommand c : Suites.read(script)) {
                WastCommand.Module m = moduleMeantToDecode(c);
                if (m == null) continue;
                tally.check(script.getFileName() + ":" + c.line(), m.bytes());
                byCommand.merge(c instanceof WastCommand.AssertModule a ? a.kind() : "module", 1, Integer::sum);
            }
        }
        tally.print("spec suite");
        System.out.println("  by command: " + byCommand);
        assertEquals(SPEC_MODULES, tally.checked, "spec modules checked");
        assertEquals(SPEC_NOT_BYTE_IDENTICAL, tally.checked - tally.identical, "spec modules not byte-identical");
    }

    @Test
    void sightglassPrograms() throws IOException {
        Tally tally = new Tally();
        for (Path wasm : Suites.sightglassModules()) tally.check(wasm.getParent().getFileName() + "/" + wasm.getFileName(), Files.readAllBytes(wasm));
        tally.print("sightglass");
        assertEquals(SIGHTGLASS_MODULES, tally.checked, "sightglass modules checked");
        // Toolchain output (clang, wasm-ld, wasm-opt) is in shortest form throughout.
        assertEquals(SIGHTGLASS_MODULES, tally.identical, "sightglass modules byte-identical");
        assertEquals(SIGHTGLASS_WITH_NAMES, tally.withNames, "sightglass modules with a name section");
    }

    /**
     * Modules the script defines or asserts about after decoding: all but {@code assert_malformed}
     * (every {@code module quote} of the suite is one). Each must have bytes: a text module that
     * did not parse would otherwise drop out of the count unnoticed.
     */
    private static WastCommand.Module moduleMeantToDecode(WastCommand c) {
        WastCommand.Module m = null;
        if (c instanceof WastCommand.DefineModule d) m = d.module();
        if (c instanceof WastCommand.AssertModule a && !a.kind().equals("assert_malformed")) m = a.module();
        if (m != null && m.bytes() == null) {
            throw new AssertionError("line " + c.line() + ": a module meant to decode has no bytes"
                    + (m.error() != null ? ": " + m.error().getMessage() : " (" + m.kind() + ")"));
        }
        return m;
    }

    /** Checks one module; its counts say how many came back byte for byte and why the others did not. */
    static final class Tally {
        int checked;
        int identical;
        int withNames;
        final Map<String, Integer> notIdentical = new TreeMap<>();
        final List<String> examples = new ArrayList<>();

        void check(String where, byte[] original) {
            DecodedModule m0;
            try {
                m0 = ModuleDecoder.decode(original);
            } catch (MalformedModuleException e) {
                throw new AssertionError(where + ": meant to decode, but " + e.getMessage(), e);
            }
            byte[] encoded = ModuleEncoder.encode(m0);
            DecodedModule m1;
            try {
                m1 = ModuleDecoder.decode(encoded);
            } catch (MalformedModuleException e) {
                throw new AssertionError(where + ": the encoding does not decode: " + e.getMessage(), e);
            }
            String difference = ModuleComparison.firstDifference(m0, m1);
            if (difference != null) throw new AssertionError(where + ": decode(encode(m)) differs from m: " + difference);
            assertArrayEquals(encoded, ModuleEncoder.encode(m1), where + ": encoding is not a fixed point");
            checked++;
            if (!m0.names().equals(Names.NONE)) {
                withNames++;
                assertEquals(m0.names(), namesRewritten(m0.names()), where + ": names written by NameSectionWriter");
            }
            if (Arrays.equals(original, encoded)) {
                identical++;
            } else {
                String reason = reason(m0, m1);
                assertTrue(encoded.length < original.length, where + ": differs (" + reason + ") but is not shorter");
                notIdentical.merge(reason, 1, Integer::sum);
                examples.add(where + ": " + reason);
            }
        }

        void print(String suite) {
            System.out.printf("encoder round trip, %s: %d modules, decode(encode(m)) = m for all; %d byte-identical, %d not (by first section that differs: %s)%n",
                    suite, checked, identical, checked - identical, notIdentical);
            examples.forEach(e -> System.out.println("  not byte-identical: " + e));
            System.out.printf("  %d of them have names; NameSectionWriter writes each module's names so that they read back equal%n", withNames);
        }
    }

    /**
     * The module's names written by the text parser's {@link NameSectionWriter} and read back. The
     * encoder itself copies name sections as they are, since {@code Names} keeps only subsections
     * 0-2 and toolchains write more (global and data segment names in 34 sightglass programs).
     */
    static Names namesRewritten(Names names) {
        WasmWriter module = new WasmWriter().preamble();
        NameSectionWriter.write(module, names.moduleName(), names.functionNames(), names.localNames());
        return ModuleDecoder.decode(module.toByteArray()).names();
    }

    /**
     * Why an original and its encoding differ: the first section whose contents differ (the encoder
     * wrote some integer in fewer bytes, or a data segment's flags 2 as 0), else "section size" (the
     * contents agree but a section's size was padded). Both have the same sections in the same order.
     */
    static String reason(DecodedModule original, DecodedModule encoded) {
        byte[] a = original.bytesUnsafe();
        byte[] b = encoded.bytesUnsafe();
        for (int i = 0; i < original.sections().size(); i++) {
            SectionInfo x = original.sections().get(i);
            SectionInfo y = encoded.sections().get(i);
            if (!Arrays.equals(a, x.contentStart(), x.contentStart() + x.size(), b, y.contentStart(), y.contentStart() + y.size())) {
                return x.name() + " contents";
            }
        }
        return "section size";
    }
}
