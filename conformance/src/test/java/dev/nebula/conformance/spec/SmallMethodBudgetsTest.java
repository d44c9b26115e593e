package dev.nebula.conformance.spec;

import dev.nebula.runtime.EngineKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The AOT engine's splitting machinery under method budgets far below the defaults, so that
 * nearly every block becomes a region method and straight-line code a chain of chunks: the SIMD
 * scripts (v128 values carried through region frames; a v128 carried into a chunk once
 * overflowed the frame, and only such a run found it) and the control-flow-heavy ones (exits
 * through br_table, loops, nested blocks, call_indirect), with switches (nests of three blocks
 * or more) compiled by level into bucket methods (aot-compiler's SwitchNest). The budgets are static settings read
 * when the compiler's classes load, so this runs in a JVM of its own: the surefire execution
 * {@code aot-small-budgets} of this module's pom, which sets them and the marker property
 * {@code nebula.test.smallBudgets}; the default execution excludes this class (and, when
 * {@code -Dtest} names it, reports it disabled for want of the marker). Under the marker it
 * fails when the budgets are not the small ones rather than pass on the defaults.
 */
@EnabledIfSystemProperty(named = "nebula.test.smallBudgets", matches = "true",
        disabledReason = "runs in the aot-small-budgets surefire execution, which sets the method budgets")
class SmallMethodBudgetsTest {

    /** The budgets the pom's execution sets (Wasm bytes per method and per chunk). */
    static final String OUTLINE_BUDGET = "40";
    static final String CHUNK_BUDGET = "30";
    /** Blocks from which a nest is compiled as a switch (the default is 16). */
    static final String SWITCH_MIN_BLOCKS = "3";
    /** A straight run that sets two locals already goes on in a chunk (FunctionCompiler.RUN_LOCALS). */
    static final String RUN_LOCALS = "1";

    /** Blocks with a calling loop become regions past this, in functions with a call-free loop (Outliner.CALL_BUDGET, 1,000 by default). */
    static final String CALL_BUDGET = "20";
    /** Every loop poll invokes the interrupt guard in line (FunctionCompiler.POLL_IN_LINE_FROM). */
    static final String POLL_IN_LINE_FROM = "0";

    /** Besides every {@code simd_*.wast}. */
    static final Set<String> CONTROL_SCRIPTS = Set.of("br_table.wast", "br_if.wast", "block.wast", "loop.wast", "if.wast", "call_indirect.wast", "switch.wast");

    /** Commands run (every one must pass); pinned so that a script list that shrinks fails (27,019 before switch.wast joined). */
    static final int PINNED_COMMANDS = 27047;

    private static final AtomicInteger PASSED = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> splitCodeStillPassesTheSuite() throws IOException {
        assertEquals(OUTLINE_BUDGET, System.getProperty("nebula.aot.outline.budget"), "run by the aot-small-budgets execution, which sets the budgets");
        assertEquals(CHUNK_BUDGET, System.getProperty("nebula.aot.chunk.budget"), "run by the aot-small-budgets execution, which sets the budgets");
        assertEquals(SWITCH_MIN_BLOCKS, System.getProperty("nebula.aot.switch.minBlocks"), "run by the aot-small-budgets execution, which sets the budgets");
        assertEquals(RUN_LOCALS, System.getProperty("nebula.aot.chunk.runLocals"), "run by the aot-small-budgets execution, which sets the budgets");
        assertEquals(CALL_BUDGET, System.getProperty("nebula.aot.outline.callBudget"), "run by the aot-small-budgets execution, which sets the budgets");
        assertEquals(POLL_IN_LINE_FROM, System.getProperty("nebula.aot.poll.inLineFrom"), "run by the aot-small-budgets execution, which sets the budgets");
        Path suite = SuiteLocation.testsuite();
        ScriptLoader loader = new ScriptLoader();
        SpecRunner runner = SpecRunner.create(EngineKind.AOT);
        List<DynamicNode> scripts = new ArrayList<>();
        for (Path wast : SuiteLocation.coreScripts(suite)) {
            String name = wast.getFileName().toString();
            if (!name.startsWith("simd_") && !CONTROL_SCRIPTS.contains(name)) continue;
            LoadedScript script = loader.load(wast);
            ScriptRun run = runner.start(script);
            Stream<DynamicNode> tests = run.commands().stream().<DynamicNode>map(command -> test(name, run, command)).onClose(run::close);
            scripts.add(DynamicContainer.dynamicContainer(name, wast.toUri(), tests));
        }
        return scripts.stream();
    }

    private static DynamicTest test(String script, ScriptRun run, ScriptCommand command) {
        return DynamicTest.dynamicTest("line " + command.line() + ": " + command.describe(), () -> {
            if (run.skipReason(command).isPresent()) fail(script + " line " + command.line() + " skipped: " + run.skipReason(command).get());
            CommandResult result = run.run(command);
            if (result.failed()) fail(script + " " + result.describe());
            PASSED.incrementAndGet();
        });
    }

    @AfterAll
    static void everyCommandRan() {
        System.out.println("AOT with outline budget " + OUTLINE_BUDGET + ", chunk budget " + CHUNK_BUDGET + " and run locals " + RUN_LOCALS + ": " + PASSED.get() + " passed");
        assertEquals(PINNED_COMMANDS, PASSED.get(), "commands passed under small method budgets");
    }
}
