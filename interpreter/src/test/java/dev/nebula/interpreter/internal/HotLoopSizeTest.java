package dev.nebula.interpreter.internal;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the JIT budget of the interpreter's hot loop: HotSpot never compiles a method of more
 * than 8000 bytes of bytecode (HugeMethodLimit), and the loop must stay below with room to spare.
 */
class HotLoopSizeTest {

    /** Some room below the limit, so that an innocent change does not silently stop the JIT. */
    private static final int BUDGET = 7600;

    @Test
    void interpreterLoopFitsTheJitBudget() throws IOException {
        int size = codeLength(Interpreter.class, "run");
        assertTrue(size > 1000, "found the loop (" + size + " bytes)");
        assertTrue(size <= BUDGET, "Interpreter.run is " + size + " bytes of bytecode; keep it under " + BUDGET
                + " by moving rare instructions to RareOps");
    }

    /** The SIMD loop and its one-instruction fallback are JIT-compiled loops too. */
    @Test
    void simdLoopsFitTheJitBudget() throws IOException {
        for (String method : new String[]{"run", "generic"}) {
            int size = codeLength(SimdInterpreter.class, method);
            assertTrue(size > 500, "found SimdInterpreter." + method + " (" + size + " bytes)");
            assertTrue(size <= BUDGET, "SimdInterpreter." + method + " is " + size + " bytes of bytecode; keep it under " + BUDGET);
        }
    }

    /** The code_length of method {@code name} in the class file (JVMS 4.1, 4.7.3). */
    static int codeLength(Class<?> type, String name) throws IOException {
        try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
             DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.skipBytes(2 * in.readUnsignedShort());
            skipMembers(in);
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.readUnsignedShort();
                String methodName = utf8[in.readUnsignedShort()];
                in.readUnsignedShort();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code") && methodName.equals(name)) {
                        in.readUnsignedShort();
                        in.readUnsignedShort();
                        return in.readInt();
                    }
                    in.skipBytes(length);
                }
            }
            throw new IOException("no method " + name);
        }
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.skipBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                in.skipBytes(in.readInt());
            }
        }
    }
}
