package dev.nebula.aot;

import dev.nebula.aot.internal.AotModule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks generated classes with ASM's verifier-equivalent analysis, for the tests. */
final class GeneratedClasses {

    private GeneratedClasses() {
    }

    /** Runs {@link CheckClassAdapter#verify} over every class of {@code module} and fails with its report. */
    static void verify(AotModule module) {
        for (Map.Entry<String, byte[]> c : module.classFiles().entrySet()) {
            StringWriter report = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(c.getValue()), GeneratedClasses.class.getClassLoader(), Boolean.getBoolean("debug.dump"), new PrintWriter(report));
            assertEquals("", report.toString(), c.getKey() + " does not verify");
        }
        module.loadAll();
    }
}
