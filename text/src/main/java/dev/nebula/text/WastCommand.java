package dev.nebula.text;

import java.util.List;

/**
 * One command of a {@code .wast} spec script (the script syntax of the spec's reference
 * interpreter). {@code line} is where the command's parenthesis opens.
 */
public sealed interface WastCommand {

    int line();

    /** A module definition or the module of an assertion. */
    record Module(String id, Kind kind, byte[] bytes, byte[] quotedText, TextFormatException error) {
        /** How the script wrote the module. */
        public enum Kind { TEXT, BINARY, QUOTE }

        /** True when only a text parser can judge the module: it is quoted, or its text did not parse. */
        public boolean isText() {
            return kind == Kind.QUOTE || error != null;
        }
    }

    /** {@code (invoke $M? "name" const*)} or {@code (get $M? "name")}. */
    record Action(boolean invoke, String module, String field, List<WastValue> args) {
        public Action {
            args = List.copyOf(args);
        }
    }

    record DefineModule(int line, Module module) implements WastCommand {
    }

    record Register(int line, String as, String module) implements WastCommand {
    }

    record Perform(int line, Action action) implements WastCommand {
    }

    record AssertReturn(int line, Action action, List<WastValue> expected) implements WastCommand {
        public AssertReturn {
            expected = List.copyOf(expected);
        }
    }

    /** {@code assert_trap} of an action, or {@code assert_exhaustion} when {@code exhaustion}. */
    record AssertTrap(int line, Action action, String text, boolean exhaustion) implements WastCommand {
    }

    /** A module assertion; {@code kind} is the wast2json name, e.g. {@code assert_malformed}, {@code assert_uninstantiable}. */
    record AssertModule(int line, String kind, Module module, String text) implements WastCommand {
    }
}
