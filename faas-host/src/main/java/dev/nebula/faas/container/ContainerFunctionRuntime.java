package dev.nebula.faas.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nebula.faas.DeployException;
import dev.nebula.faas.FileGrant;
import dev.nebula.faas.FunctionSpec;
import dev.nebula.faas.FunctionLimits;
import dev.nebula.faas.FunctionRuntime;
import dev.nebula.faas.Invoker;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Container functions in the host: the deployed artifact is the JSON {@code {"image": "REF"}} of
 * a local image, run per call by the {@link ContainerDriver} as {@code docker run --rm -i} would.
 * The function's limits become the container's: {@code timeout_ms} its timeout,
 * {@code max_memory_pages} times 64 KiB its {@code --memory} (at least the engines' 6 MiB), and
 * {@code max_output_bytes} its stdout and stderr caps.
 */
public final class ContainerFunctionRuntime implements FunctionRuntime {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerDriver driver;

    public ContainerFunctionRuntime(ContainerDriver driver) {
        this.driver = driver;
    }

    @Override
    public String kind() {
        return "container";
    }

    /**
     * Reads the image reference. When the engine answers, the image must exist (nothing is
     * pulled); when it does not, the function is still deployed, and its calls answer 503 until
     * the engine is back, so that a host restarting while the engine is down keeps its functions.
     */
    @Override
    public Invoker prepare(FunctionSpec spec, byte[] artifact) {
        if (spec.files() != FileGrant.NONE) {
            throw new DeployException("a container function gets no files: it runs with no volumes (leave out ?files=)");
        }
        FunctionLimits limits = spec.limits();
        String image = imageOf(artifact);
        try {
            ContainerInvocation.of(image, new byte[0], ContainerLimits.DEFAULT); // checks the reference
        } catch (IllegalArgumentException e) {
            throw new DeployException(e.getMessage());
        }
        try {
            if (!driver.imageExists(image)) {
                throw new DeployException("the image " + image + " is not in the engine's local store (nothing is pulled):"
                        + " build or load it first, e.g. scripts/containers-setup.sh for the examples");
            }
        } catch (EngineUnavailableException e) {
            // deployed all the same: see above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while checking the image");
        }
        return new ContainerInvoker(driver, image, List.of(), Map.of(), limits);
    }

    /** The image reference of a deploy body: {@code {"image": "localhost/name:tag"}}. */
    static String imageOf(byte[] artifact) {
        JsonNode body;
        try {
            body = JSON.readTree(artifact);
        } catch (IOException e) {
            throw new DeployException("a container function is deployed as JSON {\"image\": \"REF\"}: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        JsonNode image = body == null ? null : body.get("image");
        if (image == null || !image.isTextual() || image.asText().isBlank()) {
            throw new DeployException("a container function is deployed as JSON {\"image\": \"REF\"}, with the image's reference as a string");
        }
        return image.asText();
    }
}
