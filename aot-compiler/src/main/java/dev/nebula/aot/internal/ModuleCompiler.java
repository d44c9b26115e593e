package dev.nebula.aot.internal;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.UnsupportedFeatureException;
import dev.nebula.validator.ValidatedModule;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.objectweb.asm.Opcodes.*;

/**
 * Compiles a validated module into class files: {@code FunctionsN} classes holding the functions
 * as static methods (see {@link ModuleLayout}), each also implementing {@link EntryPoints} for
 * calls from outside, and one {@code Dispatch} class with a call_indirect dispatcher per function
 * type. A dispatcher recognises a callee compiled from this same module and reaches its static
 * method through a {@code tableswitch} on its slot ({@link IndirectTargets}), with no reflection
 * and no method handle; anything else (host functions, other modules) is called through
 * {@link dev.nebula.runtime.WasmFunction#invoke}.
 */
public final class ModuleCompiler {

    /** Cases per switch of a dispatcher; more are split into buckets so that the dispatcher stays small enough for C2 to inline. */
    static final int DISPATCH_BUCKET = 16;

    private ModuleCompiler() {
    }

    /** Compiles on as many threads as there are processors (see {@link ParallelClasses}). */
    public static AotModule compile(ValidatedModule validated) {
        return compile(validated, ParallelClasses.defaultThreads());
    }

    /** Compiles on up to {@code threads} threads; the classes are the same for any count. */
    static AotModule compile(ValidatedModule validated, int threads) {
        ModuleLayout layout = new ModuleLayout(validated);
        return new AotModule(validated, layout, generate(layout, threads));
    }

    /** Builds the module from class files compiled earlier (the cache), without compiling again. */
    public static AotModule fromClassFiles(ValidatedModule validated, Map<String, byte[]> classes) {
        return new AotModule(validated, new ModuleLayout(validated), classes);
    }

    static Map<String, byte[]> generate(ModuleLayout layout, int threads) {
        DecodedModule m = layout.module;
        int imported = m.importedFunctionCount();
        int defined = m.bodies().size();
        int[] firstOf = new int[layout.classCount + 1];
        for (int cls = 0, f = 0; cls < layout.classCount; cls++) {
            firstOf[cls] = f;
            while (f < defined && layout.classOf[f] == cls) f++;
            firstOf[cls + 1] = f;
        }
        // one task per functions class, and the dispatcher last; a module of one class (most
        // small modules) is not worth a thread
        byte[][] bytes = new byte[layout.classCount + 1][];
        ParallelClasses.run(layout.classCount + 1, layout.classCount > 1 ? threads : 1, cls -> bytes[cls] = cls == layout.classCount ? dispatchClass(layout)
                : functionsClass(layout, cls, imported + firstOf[cls], imported + firstOf[cls + 1]));
        Map<String, byte[]> classes = new HashMap<>();
        for (int cls = 0; cls < layout.classCount; cls++) classes.put(binaryName(ModuleLayout.className(cls)), bytes[cls]);
        classes.put(binaryName(ModuleLayout.DISPATCH), bytes[layout.classCount]);
        dump(classes);
        return classes;
    }

    /**
     * A diagnostic for reading the generated code with {@code javap -c}: with the system property
     * {@code nebula.aot.debug.dump} naming a folder, every class compiled is also written there as
     * {@code <binary name>.class} (a later module overwrites an earlier one's classes of the same
     * name). Not a user option; a write that fails is reported on stderr and otherwise ignored.
     */
    private static void dump(Map<String, byte[]> classes) {
        String dir = System.getProperty("nebula.aot.debug.dump");
        if (dir == null || dir.isEmpty()) return;
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            try {
                java.nio.file.Path file = java.nio.file.Path.of(dir, c.getKey() + ".class");
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, c.getValue());
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("nebula.aot.debug.dump: " + e);
            }
        }
    }

    private static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    static ClassWriter newClassWriter() {
        return new ClassWriter(Boolean.getBoolean("nebula.aot.debug.noFrames") ? ClassWriter.COMPUTE_MAXS : ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // Generated code never merges two different reference types that it later uses
                // as one of them, so Object is a sound answer and avoids loading classes.
                return "java/lang/Object";
            }
        };
    }

    private static byte[] functionsClass(ModuleLayout layout, int cls, int from, int to) {
        ClassWriter cw = newClassWriter();
        String name = ModuleLayout.className(cls);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"dev/nebula/aot/internal/EntryPoints"});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        for (int f = from; f < to; f++) {
            try {
                FunctionCompiler.compile(layout, f, cw);
            } catch (UnsupportedFeatureException e) {
                throw new UnsupportedFeatureException(layout.module.describeFunction(f) + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new IllegalStateException("aot: compiling " + layout.module.describeFunction(f) + " failed", e);
            }
        }
        entryMethod(cw, layout, from, to);
        cw.visitEnd();
        try {
            return cw.toByteArray();
        } catch (org.objectweb.asm.MethodTooLargeException e) {
            throw new IllegalStateException("aot: method " + e.getMethodName() + " is " + e.getCodeSize()
                    + " bytes, past the JVM's 64 KB limit, and its function has no block left to outline", e);
        }
    }

    /** {@code long[] call(int function, long[] args, int depth, AotInstance instance)}: unboxes, calls, boxes. */
    private static void entryMethod(ClassWriter cw, ModuleLayout layout, int from, int to) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "call", "(I[JI" + Jvm.INSTANCE_DESC + ")[J", null, null);
        mv.visitCode();
        int n = to - from;
        int[] keys = new int[n];
        Label[] labels = new Label[n];
        for (int i = 0; i < n; i++) {
            keys[i] = from + i;
            labels[i] = new Label();
        }
        Label dflt = new Label();
        mv.visitVarInsn(ILOAD, 1);
        mv.visitLookupSwitchInsn(dflt, keys, labels);
        for (int i = 0; i < n; i++) {
            int f = from + i;
            FuncType type = layout.module.functionType(f);
            mv.visitLabel(labels[i]);
            List<ValType> params = Jvm.halves(type.params());
            for (int p = 0; p < params.size(); p++) {
                mv.visitVarInsn(ALOAD, 2);
                Jvm.pushInt(mv, p);
                mv.visitInsn(LALOAD);
                Jvm.fromLong(mv, params.get(p));
            }
            mv.visitVarInsn(ILOAD, 3);
            mv.visitVarInsn(ALOAD, 4);
            mv.visitMethodInsn(INVOKESTATIC, layout.owner(f), ModuleLayout.methodName(f), Jvm.methodDesc(type), false);
            boxResult(mv, Jvm.halves(type.results()), 5);
            mv.visitInsn(ARETURN);
        }
        mv.visitLabel(dflt);
        throwIllegalState(mv, "no such function in this class");
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Turns a compiled method's result into the long[] of the API; {@code scratch} is a free local for a long. */
    static void boxResult(MethodVisitor mv, List<ValType> results, int scratch) {
        if (results.isEmpty()) {
            mv.visitInsn(ICONST_0);
            mv.visitIntInsn(NEWARRAY, T_LONG);
        } else if (results.size() == 1) {
            Jvm.toLong(mv, results.get(0));
            mv.visitVarInsn(LSTORE, scratch);
            mv.visitInsn(ICONST_1);
            mv.visitIntInsn(NEWARRAY, T_LONG);
            mv.visitInsn(DUP);
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(LLOAD, scratch);
            mv.visitInsn(LASTORE);
        }
    }

    private static void throwIllegalState(MethodVisitor mv, String message) {
        mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        mv.visitInsn(DUP);
        mv.visitLdcInsn(message);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
        mv.visitInsn(ATHROW);
    }

    private static byte[] dispatchClass(ModuleLayout layout) {
        ClassWriter cw = newClassWriter();
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, ModuleLayout.DISPATCH, null, "java/lang/Object", null);
        List<FuncType> types = layout.module.types();
        for (int t = 0; t < types.size(); t++) {
            if (layout.canonicalType[t] != t) continue;
            FuncType type = types.get(t);
            dispatcher(cw, layout, t, type);
            genericDispatcher(cw, t, type);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Slots of the parameters of a method whose first parameters are {@code params}. */
    private static int[] paramSlots(List<ValType> params) {
        int slot = 0;
        int[] slots = new int[params.size() + 1];
        for (int i = 0; i < params.size(); i++) {
            slots[i] = slot;
            slot += Jvm.size(params.get(i));
        }
        slots[params.size()] = slot;
        return slots;
    }

    /**
     * {@code callIndirectT(params..., int element, int depth, AotInstance caller, int table)}: the
     * whole of call_indirect (spec 4.4.8) for the canonical type T. The element's function is
     * looked up and checked for "undefined element" and "uninitialized element"; a callee compiled
     * from this same module whose slot lies in T's range ({@link IndirectTargets}: then its type is
     * T) runs its static method through a {@code tableswitch}, one frame deeper than the caller
     * ({@code depth}, the remaining call depth, minus one), with the callee's own instance; anything else, a mismatching type included,
     * takes the general path. The method is kept small (at most {@link #DISPATCH_BUCKET} cases,
     * more go to bucket methods) so that C2 inlines it into a hot call site, where its switch
     * profile can inline the usual callee too.
     */
    private static void dispatcher(ClassWriter cw, ModuleLayout layout, int t, FuncType type) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, ModuleLayout.dispatchName(t), ModuleLayout.dispatchDesc(type), null, null);
        mv.visitCode();
        List<ValType> params = Jvm.halves(type.params());
        int[] paramSlots = paramSlots(params);
        int elementSlot = paramSlots[params.size()];
        int depthSlot = elementSlot + 1;
        int callerSlot = elementSlot + 2;
        int tableSlot = elementSlot + 3;
        int calleeSlot = elementSlot + 4;
        int aotSlot = elementSlot + 5;
        mv.visitVarInsn(ALOAD, callerSlot);
        mv.visitVarInsn(ILOAD, tableSlot);
        mv.visitVarInsn(ILOAD, elementSlot);
        Jvm.rt(mv, "element", "(" + Jvm.INSTANCE_DESC + "II)L" + Jvm.WASM_FUNCTION + ";");
        mv.visitVarInsn(ASTORE, calleeSlot);
        Label generic = new Label();
        int first = layout.targets.firstSlot[t];
        int count = layout.targets.slotCount[t];
        if (count > 0) {
            mv.visitVarInsn(ALOAD, calleeSlot);
            mv.visitTypeInsn(INSTANCEOF, Jvm.AOT_FUNCTION);
            mv.visitJumpInsn(IFEQ, generic);
            mv.visitVarInsn(ALOAD, calleeSlot);
            mv.visitTypeInsn(CHECKCAST, Jvm.AOT_FUNCTION);
            mv.visitVarInsn(ASTORE, aotSlot);
            mv.visitVarInsn(ALOAD, aotSlot);
            mv.visitFieldInsn(GETFIELD, Jvm.AOT_FUNCTION, "module", "Ldev/nebula/aot/internal/AotModule;");
            mv.visitVarInsn(ALOAD, callerSlot);
            mv.visitFieldInsn(GETFIELD, Jvm.INSTANCE, "module", "Ldev/nebula/aot/internal/AotModule;");
            mv.visitJumpInsn(IF_ACMPNE, generic);
            mv.visitVarInsn(ALOAD, aotSlot);
            mv.visitFieldInsn(GETFIELD, Jvm.AOT_FUNCTION, "slot", "I");
            if (count <= DISPATCH_BUCKET) {
                switchCalls(mv, layout, type, first, count, paramSlots, depthSlot, aotSlot, generic);
            } else {
                // a switch over buckets of slots, each a method of its own; past T's range, the general path
                Jvm.pushInt(mv, first);
                mv.visitInsn(ISUB);
                mv.visitInsn(DUP);
                Jvm.pushInt(mv, count);
                Label inRange = new Label();
                mv.visitJumpInsn(IF_ICMPLT, inRange);
                mv.visitInsn(POP);
                mv.visitJumpInsn(GOTO, generic);
                mv.visitLabel(inRange);
                // below the range too (division truncates toward 0, so a small negative would be bucket 0)
                Label nonNegative = new Label();
                mv.visitInsn(DUP);
                mv.visitJumpInsn(IFGE, nonNegative);
                mv.visitInsn(POP);
                mv.visitJumpInsn(GOTO, generic);
                mv.visitLabel(nonNegative);
                Jvm.pushInt(mv, DISPATCH_BUCKET);
                mv.visitInsn(IDIV);
                int buckets = (count + DISPATCH_BUCKET - 1) / DISPATCH_BUCKET;
                Label[] labels = new Label[buckets];
                for (int b = 0; b < buckets; b++) labels[b] = new Label();
                mv.visitTableSwitchInsn(0, buckets - 1, generic, labels);
                String bucketDesc = "(" + Jvm.paramsDesc(params) + "IL" + Jvm.AOT_FUNCTION + ";)" + Jvm.resultDesc(type.results());
                for (int b = 0; b < buckets; b++) {
                    mv.visitLabel(labels[b]);
                    for (int i = 0; i < params.size(); i++) mv.visitVarInsn(Jvm.load(params.get(i)), paramSlots[i]);
                    mv.visitVarInsn(ILOAD, depthSlot);
                    mv.visitVarInsn(ALOAD, aotSlot);
                    String name = ModuleLayout.dispatchName(t) + "_" + b;
                    mv.visitMethodInsn(INVOKESTATIC, ModuleLayout.DISPATCH, name, bucketDesc, false);
                    returnResult(mv, Jvm.halves(type.results()));
                    int from = first + b * DISPATCH_BUCKET;
                    bucketMethod(cw, layout, type, name, bucketDesc, from, Math.min(DISPATCH_BUCKET, first + count - from));
                }
            }
        }
        mv.visitLabel(generic);
        for (int i = 0; i < params.size(); i++) mv.visitVarInsn(Jvm.load(params.get(i)), paramSlots[i]);
        mv.visitVarInsn(ALOAD, calleeSlot);
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitVarInsn(ALOAD, callerSlot);
        mv.visitMethodInsn(INVOKESTATIC, ModuleLayout.DISPATCH, ModuleLayout.dispatchName(t) + "_generic",
                ModuleLayout.dispatchGenericDesc(type), false);
        returnResult(mv, Jvm.halves(type.results()));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code callIndirectT_generic(params..., WasmFunction callee, int depth, AotInstance caller)}:
     * call_indirect's type check and call through {@code WasmFunction.invoke} with boxed values,
     * for callees the switch does not know; kept out of the dispatcher so that stays small.
     */
    private static void genericDispatcher(ClassWriter cw, int t, FuncType type) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, ModuleLayout.dispatchName(t) + "_generic",
                ModuleLayout.dispatchGenericDesc(type), null, null);
        mv.visitCode();
        List<ValType> params = Jvm.halves(type.params());
        int[] paramSlots = paramSlots(params);
        int calleeSlot = paramSlots[params.size()];
        int depthSlot = calleeSlot + 1;
        int callerSlot = calleeSlot + 2;
        mv.visitVarInsn(ALOAD, calleeSlot);
        Jvm.pushInt(mv, params.size());
        mv.visitIntInsn(NEWARRAY, T_LONG);
        for (int i = 0; i < params.size(); i++) {
            mv.visitInsn(DUP);
            Jvm.pushInt(mv, i);
            mv.visitVarInsn(Jvm.load(params.get(i)), paramSlots[i]);
            Jvm.toLong(mv, params.get(i));
            mv.visitInsn(LASTORE);
        }
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitVarInsn(ALOAD, callerSlot);
        Jvm.pushInt(mv, t);
        Jvm.rt(mv, "callIndirectOut", "(L" + Jvm.WASM_FUNCTION + ";[JI" + Jvm.INSTANCE_DESC + "I)[J");
        List<ValType> results = Jvm.halves(type.results());
        if (results.isEmpty()) {
            mv.visitInsn(POP);
            mv.visitInsn(RETURN);
        } else if (results.size() == 1) {
            Jvm.pushInt(mv, 0);
            mv.visitInsn(LALOAD);
            Jvm.fromLong(mv, results.get(0));
            mv.visitInsn(Jvm.ret(results.get(0)));
        } else {
            mv.visitInsn(ARETURN);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A bucket of a large dispatcher: {@code (params..., int depth, AotFunction callee)}, its slot known to be in the bucket. */
    private static void bucketMethod(ClassWriter cw, ModuleLayout layout, FuncType type, String name, String desc, int first, int count) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
        mv.visitCode();
        List<ValType> params = Jvm.halves(type.params());
        int[] paramSlots = paramSlots(params);
        int depthSlot = paramSlots[params.size()];
        int calleeSlot = depthSlot + 1;
        Label missing = new Label();
        mv.visitVarInsn(ALOAD, calleeSlot);
        mv.visitFieldInsn(GETFIELD, Jvm.AOT_FUNCTION, "slot", "I");
        switchCalls(mv, layout, type, first, count, paramSlots, depthSlot, calleeSlot, missing);
        mv.visitLabel(missing);
        throwIllegalState(mv, "function slot missing from its dispatch bucket");
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * With a callee's slot on the stack: a {@code tableswitch} over slots {@code first} to
     * {@code first + count - 1}, each case calling that slot's function with the parameters,
     * {@code depth - 1} (the remaining call depth counts down, see {@link Jvm#methodDesc}) and the
     * callee's instance, and returning its result.
     */
    private static void switchCalls(MethodVisitor mv, ModuleLayout layout, FuncType type, int first, int count,
                                    int[] paramSlots, int depthSlot, int calleeSlot, Label dflt) {
        Label[] labels = new Label[count];
        for (int i = 0; i < count; i++) labels[i] = new Label();
        mv.visitTableSwitchInsn(first, first + count - 1, dflt, labels);
        List<ValType> params = Jvm.halves(type.params());
        for (int i = 0; i < count; i++) {
            int f = layout.targets.functionOf[first + i];
            mv.visitLabel(labels[i]);
            for (int p = 0; p < params.size(); p++) mv.visitVarInsn(Jvm.load(params.get(p)), paramSlots[p]);
            mv.visitVarInsn(ILOAD, depthSlot);
            mv.visitInsn(ICONST_M1);
            mv.visitInsn(IADD);
            mv.visitVarInsn(ALOAD, calleeSlot);
            mv.visitFieldInsn(GETFIELD, Jvm.AOT_FUNCTION, "instance", Jvm.INSTANCE_DESC);
            mv.visitMethodInsn(INVOKESTATIC, layout.owner(f), ModuleLayout.methodName(f), Jvm.methodDesc(type), false);
            returnResult(mv, Jvm.halves(type.results()));
        }
    }

    private static void returnResult(MethodVisitor mv, List<ValType> results) {
        if (results.isEmpty()) mv.visitInsn(RETURN);
        else if (results.size() == 1) mv.visitInsn(Jvm.ret(results.get(0)));
        else mv.visitInsn(ARETURN);
    }
}
