package dev.nebula.validator;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.testkit.ModuleBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deepest operand stack that validation reports per function (the frame size both engines
 * use), on exact instruction bytes: the height counts operands inside nested blocks, and a block's
 * parameters count once, not again inside the block.
 */
class MaxStackHeightTest {

    private static final int I32_CONST = 0x41;
    private static final int I32_ADD = 0x6A;
    private static final int DROP = 0x1A;
    private static final int BLOCK = 0x02;
    private static final int EMPTY = 0x40;
    private static final int I32 = 0x7F;
    private static final int END = 0x0B;

    private static int heightOf(int... instructions) {
        return ModuleValidator.validate(ModuleDecoder.decode(ModuleBuilder.oneFunction(instructions).build()))
                .maxStackHeight(0);
    }

    @Test
    void emptyBodyHasNoOperands() {
        assertEquals(0, heightOf());
    }

    @Test
    void twoConstantsThenAdd() {
        assertEquals(2, heightOf(I32_CONST, 1, I32_CONST, 2, I32_ADD, DROP));
    }

    @Test
    void operandsInsideABlockAddToThoseOutside() {
        assertEquals(3, heightOf(I32_CONST, 1,
                BLOCK, EMPTY, I32_CONST, 2, I32_CONST, 3, DROP, DROP, END,
                DROP));
    }

    @Test
    void aBlockResultIsCountedOnce() {
        assertEquals(1, heightOf(BLOCK, I32, I32_CONST, 7, END, DROP));
    }
}
