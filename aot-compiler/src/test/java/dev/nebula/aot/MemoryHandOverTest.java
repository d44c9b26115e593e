package dev.nebula.aot;

import dev.nebula.aot.internal.AotModule;
import dev.nebula.aot.internal.ModuleCompiler;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.validator.ModuleValidator;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of direct calls between functions that use memory (RATIONALE.md, "The memory handed
 * to direct calls"), on real programs: a function that reads or writes memory, called directly by
 * one that does too, has its body in {@code fN$m} and a stub {@code fN} that only calls it, without
 * a branch; code that holds the memory (the body of
 * a {@code $m} method, or a region of its function) calls the {@code $m} method of such a callee,
 * never its stub. Behaviour (grown memory seen by callees, exact traps) is tested on both engines
 * by {@code MemoryTest.directCalleesUseTheMemoryAsItIsAtTheCall} in engine-tests.
 */
class MemoryHandOverTest {

    @Test
    void directCallsBetweenFunctionsWithMemoryHandItOver() throws IOException {
        int handedOver = 0;
        for (String program : List.of("quicksort/benchmark.wasm", "richards/benchmark.wasm", "bz2/benchmark.wasm", "tinygo/tinygo-regex.wasm")) {
            AotModule compiled = ModuleCompiler.compile(ModuleValidator.validate(ModuleDecoder.decode(
                    Files.readAllBytes(SightglassCompileTest.sightglass().resolve(program)))));
            GeneratedClasses.verify(compiled);
            Map<String, MethodNode> methods = new HashMap<>();
            for (byte[] c : compiled.classFiles().values()) {
                ClassNode node = new ClassNode();
                new ClassReader(c).accept(node, 0);
                for (MethodNode m : node.methods) methods.put(m.name, m);
            }
            int bodies = 0;
            for (MethodNode m : methods.values()) {
                if (!m.name.endsWith("$m")) continue;
                bodies++;
                String stub = m.name.substring(0, m.name.length() - 2);
                MethodNode s = methods.get(stub);
                assertTrue(s != null, program + ": no stub " + stub);
                List<MethodInsnNode> stubCalls = calls(s);
                assertEquals(List.of(m.name), stubCalls.stream().filter(i -> i.name.startsWith("f")).map(i -> i.name).toList(),
                        program + ": the stub " + stub + " calls its body and nothing else generated");
                for (AbstractInsnNode i = s.instructions.getFirst(); i != null; i = i.getNext()) {
                    assertFalse(i instanceof org.objectweb.asm.tree.JumpInsnNode, program + ": the stub " + stub + " branches");
                }
            }
            assertTrue(bodies > 0, program + ": no function takes the memory as parameters");
            for (MethodNode m : methods.values()) {
                boolean holdsMemory = m.name.endsWith("$m")
                        || (m.name.contains("_r") && methods.containsKey(m.name.substring(0, m.name.indexOf("_r")) + "$m"));
                if (!holdsMemory) continue;
                for (MethodInsnNode call : calls(m)) {
                    if (call.name.matches("f\\d+") && methods.containsKey(call.name + "$m")) {
                        throw new AssertionError(program + ": " + m.name + " holds the memory but calls the stub " + call.name);
                    }
                    if (call.name.matches("f\\d+\\$m")) handedOver++;
                }
            }
        }
        assertFalse(handedOver == 0, "no direct call hands the memory over");
    }

    private static List<MethodInsnNode> calls(MethodNode m) {
        List<MethodInsnNode> out = new java.util.ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC) out.add(call);
        }
        return out;
    }
}
