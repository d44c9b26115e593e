package dev.nebula.text;

import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.ExternKind;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionImport;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.ImportDescriptor;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.decoder.testkit.Encode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;

/**
 * jqwik generators of {@link GeneratedModule}s: every section of spec 5.5, every element segment
 * encoding, the three data segment forms, present-but-empty sections, custom sections anywhere
 * (a name section among them), names in UTF-8 beyond ASCII and integers up to 2^32-1. The modules
 * decode (counts agree, code is well formed) but need not validate: the encoder works on the
 * decoded model, before validation.
 */
final class GeneratedModules {

    private GeneratedModules() {
    }

    static Arbitrary<GeneratedModule> modules() {
        return Builders.withBuilder(Draft::new)
                .use(funcType().list().ofMaxSize(4)).in((d, v) -> d.with(() -> d.types = v))
                .use(importEntry().list().ofMaxSize(4)).in((d, v) -> d.with(() -> d.imports = v))
                .use(function().list().ofMaxSize(3)).in((d, v) -> d.with(() -> d.functions = v))
                .use(tableType().list().ofMaxSize(2)).in((d, v) -> d.with(() -> d.tables = v))
                .use(limits().map(MemoryType::new).list().ofMaxSize(2)).in((d, v) -> d.with(() -> d.memories = v))
                .use(global().list().ofMaxSize(3)).in((d, v) -> d.with(() -> d.globals = v))
                .use(export().list().ofMaxSize(4)).in((d, v) -> d.with(() -> d.exports = v))
                .use(index()).withProbability(0.3).in((d, v) -> d.with(() -> d.start = v))
                .use(element().list().ofMaxSize(4)).in((d, v) -> d.with(() -> d.elements = v))
                .use(Arbitraries.of(true, false)).in((d, v) -> d.with(() -> d.dataCount = v))
                .use(data().list().ofMaxSize(3)).in((d, v) -> d.with(() -> d.data = v))
                .use(custom().list().ofMaxSize(3)).in((d, v) -> d.with(() -> d.customs = v))
                .use(Arbitraries.of(1, 2, 3, 4, 5, 6, 7, 9, 10, 11).set().ofMaxSize(4)).in((d, v) -> d.with(() -> d.emptyKept = v))
                .use(Arbitraries.longs()).in((d, v) -> d.with(() -> d.seed = v))
                .build(Draft::build);
    }

    /** Mutable while jqwik fills it in, one field per {@code use}. */
    private static final class Draft {
        List<FuncType> types = List.of();
        List<Import> imports = List.of();
        List<GeneratedModule.Function> functions = List.of();
        List<TableType> tables = List.of();
        List<MemoryType> memories = List.of();
        List<GeneratedModule.Global> globals = List.of();
        List<Export> exports = List.of();
        Integer start;
        List<GeneratedModule.Element> elements = List.of();
        boolean dataCount;
        List<GeneratedModule.Data> data = List.of();
        List<GeneratedModule.Custom> customs = List.of();
        Set<Integer> emptyKept = Set.of();
        long seed;

        Draft with(Runnable set) {
            set.run();
            return this;
        }

        GeneratedModule build() {
            return new GeneratedModule(types, imports, functions, tables, memories, globals, exports, start,
                    elements, dataCount, data, customs, emptyKept, seed);
        }
    }

    // ---- types ----

    private static Arbitrary<ValType> valType() {
        return Arbitraries.of(ValType.values());
    }

    private static Arbitrary<ValType> refType() {
        return Arbitraries.of(ValType.FUNCREF, ValType.EXTERNREF);
    }

    private static Arbitrary<FuncType> funcType() {
        return Combinators.combine(valType().list().ofMaxSize(3), valType().list().ofMaxSize(3)).as(FuncType::new);
    }

    /** Any u32, often small. */
    private static Arbitrary<Long> u32() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 0xFFFF_FFFFL)));
    }

    private static Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 5);
    }

    private static Arbitrary<Limits> limits() {
        return Combinators.combine(u32(), u32(), Arbitraries.of(true, false))
                .as((min, max, hasMax) -> hasMax ? Limits.of(min, max) : Limits.of(min));
    }

    private static Arbitrary<TableType> tableType() {
        return Combinators.combine(refType(), limits()).as(TableType::new);
    }

    private static Arbitrary<GlobalType> globalType() {
        return Combinators.combine(valType(), Arbitraries.of(true, false)).as(GlobalType::new);
    }

    /** Names beyond ASCII: two-, three- and four-byte UTF-8. */
    private static Arbitrary<String> name() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('é', '€', '中').ofMaxLength(6)
                .flatMap(s -> Arbitraries.of(s, s + "\uD83D\uDE00"));
    }

    // ---- imports, exports ----

    private static Arbitrary<Import> importEntry() {
        Arbitrary<ImportDescriptor> descriptor = Arbitraries.oneOf(
                index().map(FunctionImport::new), tableType(), limits().map(MemoryType::new), globalType());
        return Combinators.combine(name(), name(), descriptor).as(Import::new);
    }

    private static Arbitrary<Export> export() {
        return Combinators.combine(name(), Arbitraries.of(ExternKind.values()), u32().map(Long::intValue))
                .as(Export::new)
                .filter(e -> e.index() >= 0);
    }

    // ---- expressions and code (bytes the model keeps as they are) ----

    private static byte[] end(byte[] instructions) {
        return concat(instructions, bytes(0x0B));
    }

    /** i32.const, sometimes with a padded immediate (kept as is), i64/f32/f64.const or global.get. */
    private static Arbitrary<byte[]> constantExpression() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(v -> concat(bytes(0x41), Encode.sleb(v))),
                Arbitraries.integers().between(-64, 63).map(v -> concat(bytes(0x41), Encode.slebPadded(v, 3))),
                Arbitraries.longs().map(v -> concat(bytes(0x42), Encode.sleb(v))),
                Arbitraries.integers().map(v -> concat(bytes(0x43), Encode.fixed32(v))),
                Arbitraries.longs().map(v -> concat(bytes(0x44), Encode.fixed64(v))),
                index().map(i -> concat(bytes(0x23), Encode.u32(i))))
                .map(GeneratedModules::end);
    }

    private static Arbitrary<byte[]> referenceExpression() {
        return Arbitraries.oneOf(
                index().map(i -> concat(bytes(0xD2), Encode.u32(i))),
                refType().map(t -> bytes(0xD0, t.code())))
                .map(GeneratedModules::end);
    }

    private static Arbitrary<byte[]> instruction() {
        return Arbitraries.oneOf(
                Arbitraries.just(bytes(0x01)),
                Arbitraries.just(bytes(0x1A)),
                Arbitraries.integers().map(v -> concat(bytes(0x41), Encode.sleb(v))),
                index().map(i -> concat(bytes(0x20), Encode.u32Padded(i, 2))),
                index().map(i -> concat(bytes(0x10), Encode.u32(i))),
                Arbitraries.bytes().array(byte[].class).ofSize(16).map(v -> concat(bytes(0xFD, 0x0C), v)),
                Arbitraries.just(bytes(0x02, 0x40, 0x01, 0x0B)),
                Arbitraries.just(bytes(0x04, 0x7F, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0B)));
    }

    private static Arbitrary<GeneratedModule.Function> function() {
        Arbitrary<GeneratedModule.LocalRun> run = Combinators.combine(
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(0, 4)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 100_000))),
                valType()).as(GeneratedModule.LocalRun::new);
        Arbitrary<byte[]> code = instruction().list().ofMaxSize(6).map(list -> end(concat(list.toArray(byte[][]::new))));
        return Combinators.combine(index(), run.list().ofMaxSize(3), code).as(GeneratedModule.Function::new);
    }

    private static Arbitrary<GeneratedModule.Global> global() {
        return Combinators.combine(globalType(), constantExpression()).as(GeneratedModule.Global::new);
    }

    // ---- segments ----

    /** One of the eight encodings of spec 5.5.12, with the fields that encoding can express. */
    private static Arbitrary<GeneratedModule.Element> element() {
        return Arbitraries.integers().between(0, 7).flatMap(flags -> {
            boolean expressions = (flags & 4) != 0;
            Arbitrary<ValType> type = expressions && (flags & 3) != 0 ? refType() : Arbitraries.just(ValType.FUNCREF);
            Arbitrary<Integer> table = (flags & 3) == 2 ? index() : Arbitraries.just(0);
            Arbitrary<List<Integer>> functions = expressions ? Arbitraries.just(null) : index().list().ofMaxSize(4);
            Arbitrary<List<byte[]>> items = expressions ? referenceExpression().list().ofMaxSize(3) : Arbitraries.just(null);
            return Combinators.combine(table, constantExpression(), type, functions, items)
                    .as((t, offset, ty, fs, is) -> new GeneratedModule.Element(flags, t, offset, ty, fs, is));
        });
    }

    private static Arbitrary<GeneratedModule.Data> data() {
        Arbitrary<byte[]> contents = Arbitraries.bytes().array(byte[].class).ofMaxSize(8);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 2), constantExpression(), contents)
                .as(GeneratedModule.Data::new);
    }

    // ---- custom sections ----

    private static Arbitrary<GeneratedModule.Custom> custom() {
        Arbitrary<Integer> slot = Arbitraries.integers().between(0, GeneratedModule.ORDER.length);
        Arbitrary<GeneratedModule.Custom> opaque = Combinators.combine(slot, name(), Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                .as(GeneratedModule.Custom::new);
        return Arbitraries.oneOf(opaque, Combinators.combine(slot, nameSectionPayload()).as((s, p) -> new GeneratedModule.Custom(s, "name", p)));
    }

    /** A name section (spec 7.4.1): a module name and function names. */
    private static Arbitrary<byte[]> nameSectionPayload() {
        Arbitrary<List<String>> functionNames = name().list().ofMaxSize(3);
        return Combinators.combine(name(), functionNames).as((module, functions) -> {
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < functions.size(); i++) entries.add(concat(Encode.u32(i), Encode.name(functions.get(i))));
            return concat(
                    bytes(0), Encode.bytesWithLength(Encode.name(module)),
                    bytes(1), Encode.bytesWithLength(Encode.vec(entries.toArray(byte[][]::new))));
        });
    }
}
