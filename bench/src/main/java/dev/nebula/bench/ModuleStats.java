package dev.nebula.bench;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.SectionInfo;

/** Sizes of a module that throughput is measured against: the whole file and its code section. */
public record ModuleStats(int fileBytes, int codeSectionBytes, int functionBodies, long instructionBytes) {

    private static final int CODE_SECTION_ID = 10;

    public static ModuleStats of(byte[] bytes) {
        DecodedModule module = ModuleDecoder.decode(bytes);
        int codeSection = 0;
        for (SectionInfo section : module.sections()) {
            if (section.id() == CODE_SECTION_ID) codeSection = section.size();
        }
        long instructions = 0;
        for (FunctionBody body : module.bodies()) instructions += body.codeSize();
        return new ModuleStats(bytes.length, codeSection, module.bodies().size(), instructions);
    }

    /** One line for the benchmark log, so that ops/s can be turned into MB/s by hand too. */
    public String describe(String name) {
        return String.format("%s: %,d bytes, code section %,d bytes (%.3f MB) in %,d function bodies"
                        + " (%,d bytes of instructions)",
                name, fileBytes, codeSectionBytes, codeSectionBytes / 1e6, functionBodies, instructionBytes);
    }
}
