package dev.nebula.cli.inspect;

import dev.nebula.decoder.model.CustomSection;
import dev.nebula.decoder.model.DataSegment;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.FunctionImport;
import dev.nebula.decoder.model.Global;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.SectionInfo;
import dev.nebula.decoder.model.SegmentMode;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A readable listing of a decoded module, in the spirit of {@code wasm-objdump -x}: the section
 * table with offsets and sizes, then every entity of every index space. Indices are those of the
 * whole index space (imports first), as instructions use them.
 */
public final class ModuleDump {

    private final DecodedModule module;
    private final PrintWriter out;

    private ModuleDump(DecodedModule module, PrintWriter out) {
        this.module = module;
        this.out = out;
    }

    public static void print(String fileName, DecodedModule module, PrintWriter out) {
        new ModuleDump(module, out).printAll(fileName);
    }

    private void printAll(String fileName) {
        out.println(fileName + ": WebAssembly module, binary version 1, " + module.byteSize() + " bytes");
        if (module.names().moduleName() != null) out.println("module name: " + module.names().moduleName());
        sections();
        types();
        imports();
        functions();
        tables();
        memories();
        globals();
        exports();
        start();
        elements();
        data();
        customSections();
    }

    private void heading(String title, int count) {
        out.println();
        out.println(title + " (" + count + "):");
    }

    private void sections() {
        heading("Sections", module.sections().size());
        int custom = 0;
        for (SectionInfo s : module.sections()) {
            String label = s.name();
            if (s.id() == 0 && custom < module.customSections().size()) {
                label = "custom \"" + module.customSections().get(custom++).name() + "\"";
            }
            out.printf(Locale.ROOT, "  %-22s start=0x%08x end=0x%08x size=%d%n",
                    label, s.contentStart(), s.contentStart() + s.size(), s.size());
        }
    }

    private void types() {
        if (module.types().isEmpty()) return;
        heading("Types", module.types().size());
        List<FuncType> types = module.types();
        for (int i = 0; i < types.size(); i++) out.println("  type[" + i + "] " + signature(types.get(i)));
    }

    private static String signature(FuncType type) {
        return "(" + join(type.params()) + ") -> (" + join(type.results()) + ")";
    }

    private static String join(List<ValType> types) {
        return types.stream().map(ValType::toString).collect(Collectors.joining(", "));
    }

    private void imports() {
        if (module.imports().isEmpty()) return;
        heading("Imports", module.imports().size());
        int functions = 0;
        int tables = 0;
        int memories = 0;
        int globals = 0;
        for (Import imp : module.imports()) {
            String from = " <- " + imp.module() + "." + imp.name();
            if (imp.descriptor() instanceof FunctionImport f) {
                out.println("  func[" + functions + "] type " + f.typeIndex() + name(functions) + from);
                functions++;
            } else if (imp.descriptor() instanceof TableType t) {
                out.println("  table[" + tables++ + "] " + t.elementType() + " " + t.limits() + from);
            } else if (imp.descriptor() instanceof MemoryType m) {
                out.println("  memory[" + memories++ + "] pages " + m.limits() + from);
            } else if (imp.descriptor() instanceof GlobalType g) {
                out.println("  global[" + globals++ + "] " + g + from);
            }
        }
    }

    /** {@code " <name>"} from the name section, or nothing. */
    private String name(int functionIndex) {
        String name = module.names().functionName(functionIndex);
        return name == null ? "" : " <" + name + ">";
    }

    private void functions() {
        int[] typeIndices = module.definedFunctionTypeIndices();
        if (typeIndices.length == 0) return;
        heading("Functions", typeIndices.length);
        int first = module.importedFunctionCount();
        List<FunctionBody> bodies = module.bodies();
        for (int i = 0; i < typeIndices.length; i++) {
            int index = first + i;
            StringBuilder line = new StringBuilder("  func[" + index + "] type " + typeIndices[i] + name(index));
            if (i < bodies.size()) {
                FunctionBody body = bodies.get(i);
                line.append(String.format(Locale.ROOT, " code=0x%08x size=%d locals=%d",
                        body.codeStart(), body.codeSize(), body.localCount()));
            }
            out.println(line);
        }
    }

    private void tables() {
        if (module.tables().isEmpty()) return;
        heading("Tables", module.tables().size());
        int index = module.allTables().size() - module.tables().size();
        for (TableType t : module.tables()) out.println("  table[" + index++ + "] " + t.elementType() + " " + t.limits());
    }

    private void memories() {
        if (module.memories().isEmpty()) return;
        heading("Memories", module.memories().size());
        int index = module.allMemories().size() - module.memories().size();
        for (MemoryType m : module.memories()) out.println("  memory[" + index++ + "] pages " + m.limits());
    }

    private void globals() {
        if (module.globals().isEmpty()) return;
        heading("Globals", module.globals().size());
        int index = module.importedGlobalCount();
        for (Global g : module.globals()) {
            out.println("  global[" + index++ + "] " + g.type() + " = " + ConstantExpressionText.render(module, g.init()));
        }
    }

    private void exports() {
        if (module.exports().isEmpty()) return;
        heading("Exports", module.exports().size());
        for (Export e : module.exports()) {
            String target = e.kind() + "[" + e.index() + "]";
            if (e.kind() == dev.nebula.decoder.model.ExternKind.FUNC) target += name(e.index());
            out.println("  \"" + e.name() + "\" -> " + target);
        }
    }

    private void start() {
        if (module.startFunction() < 0) return;
        out.println();
        out.println("Start: func[" + module.startFunction() + "]" + name(module.startFunction()));
    }

    private void elements() {
        if (module.elements().isEmpty()) return;
        heading("Element segments", module.elements().size());
        List<ElementSegment> segments = module.elements();
        for (int i = 0; i < segments.size(); i++) {
            ElementSegment s = segments.get(i);
            StringBuilder line = new StringBuilder("  elem[" + i + "] " + mode(s.mode()));
            if (s.mode() == SegmentMode.ACTIVE) line.append(" table=").append(s.tableIndex());
            line.append(' ').append(s.type()).append(" count=").append(s.size());
            if (s.mode() == SegmentMode.ACTIVE) line.append(" offset: ").append(ConstantExpressionText.render(module, s.offset()));
            out.println(line);
        }
    }

    private void data() {
        if (module.data().isEmpty()) return;
        heading("Data segments", module.data().size());
        List<DataSegment> segments = module.data();
        for (int i = 0; i < segments.size(); i++) {
            DataSegment s = segments.get(i);
            StringBuilder line = new StringBuilder("  data[" + i + "] " + mode(s.mode()));
            if (s.mode() == SegmentMode.ACTIVE) line.append(" memory=").append(s.memoryIndex());
            line.append(" size=").append(s.dataLength());
            if (s.mode() == SegmentMode.ACTIVE) line.append(" offset: ").append(ConstantExpressionText.render(module, s.offset()));
            out.println(line);
        }
    }

    private void customSections() {
        if (module.customSections().isEmpty()) return;
        heading("Custom sections", module.customSections().size());
        for (CustomSection c : module.customSections()) {
            out.printf(Locale.ROOT, "  \"%s\" payload=0x%08x size=%d%n", c.name(), c.payloadStart(), c.payloadLength());
        }
    }

    private static String mode(SegmentMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
