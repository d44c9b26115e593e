package dev.nebula.faas.container;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One call of a container function.
 *
 * @param image the local image to run (never pulled: {@code --pull never})
 * @param stdin the request body, given to the function on its standard input
 * @param args arguments after the image (to its entrypoint)
 * @param env environment variables ({@code -e NAME=VALUE}); nothing of the host's is passed
 * @param stamp whether to ask the function for its start stamp ({@code NEBULA_STAMP=1}) and take
 *              it off the answer: see {@link StartStamp}
 * @param limits what the call may use
 */
public record ContainerInvocation(String image, byte[] stdin, List<String> args, Map<String, String> env,
                                  boolean stamp, ContainerLimits limits) {

    /** A reference the engines accept, and that cannot be mistaken for an option. */
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-zA-Z0-9._/:@-]{0,254}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ContainerInvocation {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(limits, "limits");
        if (!IMAGE.matcher(image).matches()) throw new IllegalArgumentException("not an image reference: '" + image + "'");
        args = List.copyOf(args);
        env = Map.copyOf(env);
        for (String name : env.keySet()) {
            if (!ENV_NAME.matcher(name).matches()) throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
        }
    }

    /** A call with stdin, no arguments or variables, the stamp asked for, and the given limits. */
    public static ContainerInvocation of(String image, byte[] stdin, ContainerLimits limits) {
        return new ContainerInvocation(image, stdin, List.of(), Map.of(), true, limits);
    }
}
