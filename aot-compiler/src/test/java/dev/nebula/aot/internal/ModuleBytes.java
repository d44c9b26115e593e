package dev.nebula.aot.internal;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.validator.ModuleValidator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests that write modules byte by byte and read what the compiler made of them: the two
 * pieces of the binary format they need (spec 5.1.3 LEB128 integers, 5.5.2 sections), and the
 * static calls of a compiled function.
 */
final class ModuleBytes {

    private ModuleBytes() {
    }

    /** A section: its id, its size as unsigned LEB128, then its content. */
    static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        leb(out, content.length);
        out.writeBytes(content);
    }

    /** {@code value} (at least 0) as unsigned LEB128. */
    static void leb(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    /** The static calls ({@code owner.name}, in order) in the method of function 0 of {@code wasm}, compiled by the AOT compiler. */
    static List<String> staticCallsOfFunction0(byte[] wasm) {
        AotModule compiled = ModuleCompiler.compile(ModuleValidator.validate(ModuleDecoder.decode(wasm)));
        List<String> calls = new ArrayList<>();
        for (byte[] c : compiled.classFiles().values()) {
            new ClassReader(c).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                    if (!name.equals(ModuleLayout.methodName(0))) return null;
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String d, boolean itf) {
                            if (opcode == Opcodes.INVOKESTATIC) calls.add(owner + "." + method);
                        }
                    };
                }
            }, 0);
        }
        return calls;
    }
}
