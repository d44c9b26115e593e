package dev.nebula.text;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Immediate;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.testkit.ModuleArbitraries;
import dev.nebula.wasm.MalformedModuleException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Print then parse on generated code: a function of random instructions (every opcode, random
 * immediates) that decodes must print to text that parses back to the same instructions. This
 * reaches immediates the suite's modules never use (odd alignments, far labels, every lane).
 */
class GeneratedRoundTripPropertyTest {

    private static boolean hasAlignmentBeyondU32(byte[] module, DecodedModule m) {
        for (var body : m.bodies()) {
            CodeReader r = new CodeReader(module, body.codeStart(), body.codeEnd());
            while (r.position() < body.codeEnd()) {
                Opcode op = r.next();
                if ((op.immediate() == Immediate.MEMARG || op.immediate() == Immediate.MEMARG_LANE) && r.alignment() >= 32) return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<byte[]> randomCode() {
        return ModuleArbitraries.functionOfRandomInstructions();
    }

    @Property(tries = 500)
    void decodedRandomCodePrintsAndParsesBack(@ForAll("randomCode") byte[] module) {
        DecodedModule decoded;
        try {
            decoded = ModuleDecoder.decode(module);
        } catch (MalformedModuleException e) {
            Statistics.collect("malformed");
            return;
        }
        if (hasAlignmentBeyondU32(module, decoded)) {
            // align=N takes a u32 (spec 6.5.6): 2^32 and up exist only in binary (and never validate).
            Statistics.collect("alignment the text format cannot write");
            return;
        }
        Statistics.collect("decodes");
        RoundTripTest.roundTrip(module);
    }
}
