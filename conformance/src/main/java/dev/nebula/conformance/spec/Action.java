package dev.nebula.conformance.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What an action command does to a module instance: call an exported function or read an
 * exported global. {@code module} names the instance ({@code $M1}) or is null for the latest.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Action.Invoke.class, name = "invoke"),
        @JsonSubTypes.Type(value = Action.Get.class, name = "get"),
})
public sealed interface Action {

    /** The instance name, or null for the most recently defined module. */
    String module();

    /** The export's name. */
    String field();

    String describe();

    /** Call exported function {@code field} with {@code args}. */
    record Invoke(String module, String field, List<SpecValue> args) implements Action {
        public Invoke {
            args = args == null ? List.of() : List.copyOf(args);
        }

        @Override
        public String describe() {
            String target = module == null ? field : module + "." + field;
            return "invoke \"" + target + "\"(" + args.stream().map(SpecValue::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** Read exported global {@code field}. */
    record Get(String module, String field) implements Action {
        @Override
        public String describe() {
            return "get \"" + (module == null ? field : module + "." + field) + "\"";
        }
    }
}
