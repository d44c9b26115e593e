package dev.nebula.text;

import dev.nebula.decoder.testkit.Encode;
import dev.nebula.decoder.testkit.ModuleBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printer's output for people: names, strings, numbers, and its one limit. */
class WatPrinterTest {

    @Test
    void namesStringsAndNumbersReadWell() {
        String text = WatPrinter.print(WatParser.parse("""
                (module
                  (memory 1)
                  (func $f (export "f\\"q") (param $x f64) (result f64)
                    (f64.add (local.get $x) (f64.const -0x1p-1)))
                  (data (i32.const 0) "a\\00\\ff"))
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8), true));
        assertTrue(text.contains("(func $f (;0;) (type 0) (param $x f64) (result f64)"), text);
        assertTrue(text.contains("    local.get $x\n    f64.const -0.5\n    f64.add\n"), text);
        assertTrue(text.contains("(export \"f\\\"q\" (func $f))"), text);
        assertTrue(text.contains("(data (;0;) (offset i32.const 0) \"a\\00\\ff\")"), text);
    }

    @Test
    void nanPayloadsAndInfinitiesSurvive() {
        String text = WatPrinter.print(WatParser.parse("(func (drop (f32.const -nan:0x1)) (drop (f64.const inf)) (drop (f32.const nan)))"));
        assertTrue(text.contains("f32.const -nan:0x1"), text);
        assertTrue(text.contains("f64.const inf"), text);
        assertTrue(text.contains("f32.const nan\n"), text);
    }

    @Test
    void blocksAreIndentedAndElseOutdented() {
        String text = WatPrinter.print(WatParser.parse("(func (param i32) (if (local.get 0) (then (block (br 1))) (else nop)))"));
        assertTrue(text.contains("    if\n      block\n        br 1\n      end\n    else\n      nop\n    end\n"), text);
    }

    @Test
    void aHostileLocalCountIsRefusedQuickly() {
        byte[] locals = Encode.concat(Encode.u32(1), Encode.u32(0xFFFF_FFFFL), Encode.bytes(0x7F));
        byte[] module = ModuleBuilder.module()
                .section(ModuleBuilder.TYPE, Encode.vec(ModuleBuilder.voidType()))
                .section(ModuleBuilder.FUNCTION, Encode.vecOfBytes(0))
                .section(ModuleBuilder.CODE, Encode.vec(ModuleBuilder.body(locals, Encode.bytes(ModuleBuilder.END))))
                .build();
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IllegalArgumentException.class, () -> WatPrinter.print(module)));
        assertEquals("function 0 declares 4294967295 locals, more than the 1000000 the printer writes out one by one", e.getMessage());
    }
}
