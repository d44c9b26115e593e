package dev.nebula.text;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.testkit.ModuleArbitraries;
import dev.nebula.decoder.testkit.ModuleComparison;
import dev.nebula.wasm.MalformedModuleException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The encoder on generated modules. {@link GeneratedModules} covers every section, every element
 * encoding and every data form, with integers written in the shortest form and, in a second
 * rendering, padded where the format allows; the encoder must turn either into exactly the
 * shortest rendering (written by the test kit, not by the encoder), and that must decode to the
 * same model. The decoder test kit's functions of random instructions add opcode variety.
 */
class EncoderPropertyTest {

    @Provide
    Arbitrary<GeneratedModule> modules() {
        return GeneratedModules.modules();
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void encodingIsTheShortestFormOfTheSameModule(@ForAll("modules") GeneratedModule generated) {
        byte[] shortest = generated.render(false);
        byte[] padded = generated.render(true);
        DecodedModule fromPadded = ModuleDecoder.decode(padded);
        byte[] encoded = ModuleEncoder.encode(fromPadded);
        assertArrayEquals(shortest, encoded, "the encoding of the padded rendering");
        ModuleComparison.assertSameModule(fromPadded, ModuleDecoder.decode(encoded));
        assertArrayEquals(shortest, ModuleEncoder.encode(ModuleDecoder.decode(shortest)), "the encoding of the shortest rendering");
        for (GeneratedModule.Element e : generated.elements()) Statistics.label("element encoding").collect(e.flags());
        for (GeneratedModule.Data d : generated.data()) {
            Statistics.label("data segment").collect(d.passive() ? "passive" : d.memory() == 0 ? "active, memory 0" : "active, memory > 0");
        }
        Statistics.label("custom sections").collect(generated.customs().size());
        // Every element encoding and data form is reached: a generator that lost one would leave it untested.
        Statistics.label("element encoding").coverage(check -> {
            for (int flags = 0; flags < 8; flags++) check.check(flags).count(n -> n >= 10);
        });
        Statistics.label("data segment").coverage(check -> {
            check.check("passive").count(n -> n >= 10);
            check.check("active, memory 0").count(n -> n >= 10);
            check.check("active, memory > 0").count(n -> n >= 10);
        });
    }

    @Provide
    Arbitrary<byte[]> randomCode() {
        return ModuleArbitraries.functionOfRandomInstructions();
    }

    @Property(tries = 300)
    void randomInstructionsComeBackByteForByte(@ForAll("randomCode") byte[] module) {
        DecodedModule decoded;
        try {
            decoded = ModuleDecoder.decode(module);
        } catch (MalformedModuleException e) {
            Statistics.collect("malformed");
            return;
        }
        Statistics.collect("decodes");
        byte[] encoded = ModuleEncoder.encode(decoded);
        assertArrayEquals(module, encoded);
        ModuleComparison.assertSameModule(decoded, ModuleDecoder.decode(encoded));
    }
}
