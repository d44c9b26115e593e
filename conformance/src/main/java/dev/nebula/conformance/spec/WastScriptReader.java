package dev.nebula.conformance.spec;

import dev.nebula.text.TextFormatException;
import dev.nebula.text.WastCommand;
import dev.nebula.text.WastReader;
import dev.nebula.text.WastValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .wast} script in process, with the text module's {@link WastReader}, into the
 * same model wast2json's JSON gives ({@link SpecScript}, {@link ScriptCommand}, {@link SpecValue}),
 * so that {@link ScriptRun} cannot tell the two apart. Modules live in memory under the names
 * wast2json would give them ({@code NAME.N.wasm}, and {@code NAME.N.wat} for text only a parser
 * can judge); a text module that failed to parse is stored as a marker that reading turns into the
 * parser's error.
 */
final class WastScriptReader {

    private WastScriptReader() {
    }

    public static LoadedScript load(Path wast) throws IOException {
        byte[] source = Files.readAllBytes(wast);
        String file = wast.getFileName().toString();
        List<WastCommand> commands;
        try {
            commands = WastReader.read(source);
        } catch (TextFormatException e) {
            throw new IOException("not a spec script: " + e.getMessage(), e);
        }
        return convert(file, commands);
    }

    static LoadedScript convert(String file, List<WastCommand> commands) {
        String base = file.endsWith(".wast") ? file.substring(0, file.length() - 5) : file;
        Map<String, byte[]> modules = new HashMap<>();
        Map<String, TextFormatException> errors = new HashMap<>();
        List<ScriptCommand> out = new ArrayList<>(commands.size());
        int[] counter = {0};
        for (WastCommand c : commands) {
            if (c instanceof WastCommand.DefineModule d) {
                out.add(new ScriptCommand.ModuleCommand(d.line(), d.module().id() == null ? null : "$" + d.module().id(),
                        store(base, d.module(), counter, modules, errors)));
            } else if (c instanceof WastCommand.Register r) {
                out.add(new ScriptCommand.Register(r.line(), r.module() == null ? null : "$" + r.module(), r.as()));
            } else if (c instanceof WastCommand.Perform p) {
                out.add(new ScriptCommand.ActionCommand(p.line(), action(p.action()), List.of()));
            } else if (c instanceof WastCommand.AssertReturn a) {
                out.add(new ScriptCommand.AssertReturn(a.line(), action(a.action()), a.expected().stream().map(WastScriptReader::value).toList()));
            } else if (c instanceof WastCommand.AssertTrap a) {
                out.add(a.exhaustion()
                        ? new ScriptCommand.AssertExhaustion(a.line(), action(a.action()), a.text(), List.of())
                        : new ScriptCommand.AssertTrap(a.line(), action(a.action()), a.text(), List.of()));
            } else if (c instanceof WastCommand.AssertModule a) {
                String name = store(base, a.module(), counter, modules, errors);
                ModuleType type = a.module().isText() ? ModuleType.TEXT : ModuleType.BINARY;
                out.add(switch (a.kind()) {
                    case "assert_malformed" -> new ScriptCommand.AssertMalformed(a.line(), name, a.text(), type);
                    case "assert_invalid" -> new ScriptCommand.AssertInvalid(a.line(), name, a.text(), type);
                    case "assert_unlinkable" -> new ScriptCommand.AssertUnlinkable(a.line(), name, a.text(), type);
                    default -> new ScriptCommand.AssertUninstantiable(a.line(), name, a.text(), type);
                });
            }
        }
        ScriptModules stored = ScriptModules.inMemory(modules);
        ScriptModules withErrors = filename -> {
            TextFormatException error = errors.get(filename);
            if (error != null) throw TextModules.malformed(error);
            return stored.read(filename);
        };
        return new LoadedScript(file, null, new SpecScript(file, out), withErrors);
    }

    private static String store(String base, WastCommand.Module m, int[] counter, Map<String, byte[]> modules,
                                Map<String, TextFormatException> errors) {
        String name = base + "." + counter[0]++ + (m.isText() ? ".wat" : ".wasm");
        if (m.error() != null) errors.put(name, m.error());
        else modules.put(name, m.kind() == WastCommand.Module.Kind.QUOTE ? m.quotedText() : m.bytes());
        return name;
    }

    private static Action action(WastCommand.Action a) {
        String module = a.module() == null ? null : "$" + a.module();
        if (!a.invoke()) return new Action.Get(module, a.field());
        return new Action.Invoke(module, a.field(), a.args().stream().map(WastScriptReader::value).toList());
    }

    private static SpecValue value(WastValue v) {
        if (v instanceof WastValue.Num n) return new SpecValue.Num(n.type(), n.bits());
        if (v instanceof WastValue.NanPattern p) return new SpecValue.Nan(p.type(), p.canonical() ? NanKind.CANONICAL : NanKind.ARITHMETIC);
        if (v instanceof WastValue.Ref r) return new SpecValue.Ref(r.type(), r.host());
        if (v instanceof WastValue.AnyRef r) return new SpecValue.TypeOnly(r.type());
        WastValue.Vector vec = (WastValue.Vector) v;
        LaneType laneType = LaneType.valueOf((vec.floatLanes() ? "F" : "I") + vec.laneBits());
        List<SpecValue.Lane> lanes = vec.lanes().stream()
                .map(l -> new SpecValue.Lane(l.bits(), l.canonicalNan() == null ? null : l.canonicalNan() ? NanKind.CANONICAL : NanKind.ARITHMETIC))
                .toList();
        return new SpecValue.Vector(laneType, lanes);
    }
}
