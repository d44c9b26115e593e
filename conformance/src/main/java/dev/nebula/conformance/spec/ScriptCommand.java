package dev.nebula.conformance.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One command of a spec script, as wast2json writes it (one JSON object with a {@code type}).
 * Every kind the 2.0 suite uses has its own record, with its arguments and expected values
 * parsed, so that a runner can switch over them exhaustively; a kind this model does not know
 * becomes an {@link Unknown} rather than a parse failure, so a newer wast2json degrades into a
 * reported failure instead of an unreadable script.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = ScriptCommand.Unknown.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScriptCommand.ModuleCommand.class, name = "module"),
        @JsonSubTypes.Type(value = ScriptCommand.Register.class, name = "register"),
        @JsonSubTypes.Type(value = ScriptCommand.ActionCommand.class, name = "action"),
        @JsonSubTypes.Type(value = ScriptCommand.AssertReturn.class, name = "assert_return"),
        @JsonSubTypes.Type(value = ScriptCommand.AssertTrap.class, name = "assert_trap"),
        @JsonSubTypes.Type(value = ScriptCommand.AssertExhaustion.class, name = "assert_exhaustion"),
        @JsonSubTypes.Type(value = ScriptCommand.AssertMalformed.class, name = "assert_malformed"),
        @JsonSubTypes.Type(value = ScriptCommand.AssertInvalid.class, name = "assert_invalid"),
        @JsonSubTypes.Type(value = ScriptCommand.AssertUnlinkable.class, name = "assert_unlinkable"),
        @JsonSubTypes.Type(value = ScriptCommand.AssertUninstantiable.class, name = "assert_uninstantiable"),
})
public sealed interface ScriptCommand {

    /** Line of the command in the {@code .wast} file. */
    int line();

    /** The command's kind as wast2json names it, e.g. {@code assert_malformed}. */
    String kind();

    /** A one-line description for reports: kind, then the module file or the action. */
    default String describe() {
        return kind();
    }

    /** An assertion about a module file that must be rejected at some stage. */
    sealed interface ModuleAssertion extends ScriptCommand {
        /** The module's file, relative to the script's directory. */
        String filename();

        /** The message the reference interpreter gives; an implementation's may extend it. */
        String text();

        ModuleType moduleType();

        @Override
        default String describe() {
            return kind() + " " + filename();
        }
    }

    /** An assertion about what invoking or reading an export gives. */
    sealed interface ActionAssertion extends ScriptCommand {
        Action action();

        @Override
        default String describe() {
            return kind() + " " + action().describe();
        }
    }

    /** Define a module: it must decode, validate and instantiate; {@code name} may be null. */
    record ModuleCommand(int line, String name, String filename) implements ScriptCommand {
        @Override
        public String kind() {
            return "module";
        }

        @Override
        public String describe() {
            return "module " + filename;
        }
    }

    /** Make the module {@code name} (or the latest one when null) importable as {@code as}. */
    record Register(int line, String name, String as) implements ScriptCommand {
        @Override
        public String kind() {
            return "register";
        }

        @Override
        public String describe() {
            return "register \"" + as + "\"";
        }
    }

    /** Perform an action for its effect; {@code expected} lists only the result types. */
    record ActionCommand(int line, Action action, List<SpecValue> expected) implements ActionAssertion {
        public ActionCommand {
            expected = expected == null ? List.of() : List.copyOf(expected);
        }

        @Override
        public String kind() {
            return "action";
        }
    }

    /** The action must return exactly {@code expected} (NaN patterns allowed). */
    record AssertReturn(int line, Action action, List<SpecValue> expected) implements ActionAssertion {
        public AssertReturn {
            expected = expected == null ? List.of() : List.copyOf(expected);
        }

        @Override
        public String kind() {
            return "assert_return";
        }
    }

    /** The action must trap with message {@code text}. */
    record AssertTrap(int line, Action action, String text, List<SpecValue> expected) implements ActionAssertion {
        public AssertTrap {
            expected = expected == null ? List.of() : List.copyOf(expected);
        }

        @Override
        public String kind() {
            return "assert_trap";
        }
    }

    /** The action must exhaust a resource, in practice the call stack. */
    record AssertExhaustion(int line, Action action, String text, List<SpecValue> expected) implements ActionAssertion {
        public AssertExhaustion {
            expected = expected == null ? List.of() : List.copyOf(expected);
        }

        @Override
        public String kind() {
            return "assert_exhaustion";
        }
    }

    /** The module must fail to decode (or, for text, to parse). */
    record AssertMalformed(int line, String filename, String text, ModuleType moduleType) implements ModuleAssertion {
        @Override
        public String kind() {
            return "assert_malformed";
        }
    }

    /** The module must decode but fail validation. */
    record AssertInvalid(int line, String filename, String text, ModuleType moduleType) implements ModuleAssertion {
        @Override
        public String kind() {
            return "assert_invalid";
        }
    }

    /** The module must be valid but fail to link against the registered modules. */
    record AssertUnlinkable(int line, String filename, String text, ModuleType moduleType) implements ModuleAssertion {
        @Override
        public String kind() {
            return "assert_unlinkable";
        }
    }

    /** The module must link but trap while instantiating (its start function or segments). */
    record AssertUninstantiable(int line, String filename, String text, ModuleType moduleType) implements ModuleAssertion {
        @Override
        public String kind() {
            return "assert_uninstantiable";
        }
    }

    /** A command kind this model does not know; the runner reports it instead of guessing. */
    record Unknown(int line) implements ScriptCommand {
        @Override
        public String kind() {
            return "unknown";
        }
    }
}
