package dev.nebula.text;

import java.util.Map;
import java.util.TreeMap;

/** The custom "name" section (spec 7.4.1): module, function and local names from the text's {@code $id}s. */
final class NameSectionWriter {

    private NameSectionWriter() {
    }

    static void write(WasmWriter out, String moduleName, Map<Integer, String> functions, Map<Integer, Map<Integer, String>> locals) {
        if (moduleName == null && functions.isEmpty() && locals.isEmpty()) return;
        WasmWriter s = new WasmWriter().name("name");
        if (moduleName != null) s.u8(0).byteString(new WasmWriter().name(moduleName).toByteArray());
        if (!functions.isEmpty()) s.u8(1).byteString(nameMap(functions).toByteArray());
        if (!locals.isEmpty()) {
            WasmWriter sub = new WasmWriter().u32(locals.size());
            for (Map.Entry<Integer, Map<Integer, String>> e : new TreeMap<>(locals).entrySet()) {
                sub.u32(e.getKey()).append(nameMap(e.getValue()));
            }
            s.u8(2).byteString(sub.toByteArray());
        }
        out.section(0, s);
    }

    private static WasmWriter nameMap(Map<Integer, String> names) {
        WasmWriter w = new WasmWriter().u32(names.size());
        for (Map.Entry<Integer, String> e : new TreeMap<>(names).entrySet()) w.u32(e.getKey()).name(e.getValue());
        return w;
    }
}
