package dev.nebula.decoder;

import dev.nebula.decoder.model.Names;
import dev.nebula.wasm.MalformedModuleException;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code name} custom section (spec 7.4.1): subsection 0 the module name, 1 function
 * names, 2 local names. Other subsections are skipped. As spec 7.4 allows, a malformed name
 * section does not make the module malformed: whatever was read before the fault is kept.
 */
final class NameSectionReader {

    private NameSectionReader() {
    }

    static Names read(byte[] bytes, int start, int end) {
        String moduleName = null;
        Map<Integer, String> functions = new HashMap<>();
        Map<Integer, Map<Integer, String>> locals = new HashMap<>();
        ByteReader in = new ByteReader(bytes, start, end);
        try {
            while (!in.atEnd()) {
                int id = in.u8();
                long size = in.u32();
                if (size > in.remaining()) break;
                int subsectionEnd = in.position() + (int) size;
                ByteReader sub = new ByteReader(bytes, in.position(), subsectionEnd);
                switch (id) {
                    case 0 -> moduleName = sub.name();
                    case 1 -> readNameMap(sub, functions);
                    case 2 -> {
                        int n = sub.length();
                        for (int i = 0; i < n; i++) {
                            int function = sub.u32AsInt();
                            Map<Integer, String> map = new HashMap<>();
                            readNameMap(sub, map);
                            locals.put(function, map);
                        }
                    }
                    default -> { }
                }
                in.position(subsectionEnd);
            }
        } catch (MalformedModuleException ignored) {
            // Spec 7.4: names are debugging aids; a broken name section is ignored, not fatal.
        }
        return new Names(moduleName, functions, locals);
    }

    private static void readNameMap(ByteReader in, Map<Integer, String> into) {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            int index = in.u32AsInt();
            into.put(index, in.name());
        }
    }
}
