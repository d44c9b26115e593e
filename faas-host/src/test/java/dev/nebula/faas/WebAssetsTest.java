package dev.nebula.faas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.module.ModuleDescriptor;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web page's files are served from inside the named module (whose resource folders a class
 * loader may not read), and uPlot from its own jar; and the module exports only the host's API.
 */
class WebAssetsTest {

    @TempDir
    Path data;

    @Test
    void pageScriptStyleAndChartLibraryAreServed() throws java.io.IOException {
        try (TestHost host = new TestHost(data)) {
            for (String path : new String[] {"/", "/static/app.js", "/static/app.css", "/webjars/uplot/dist/uPlot.iife.min.js"}) {
                HttpResponse<String> response = host.get(path);
                assertEquals(200, response.statusCode(), path + ": " + response.body());
                assertTrue(response.body().length() > 100, path + " has content");
            }
            assertTrue(host.get("/").body().contains("<html"), "the index is the page");
        }
    }

    @Test
    void onlyTheHostApiIsExported() {
        Module module = FaasHost.class.getModule();
        assertTrue(module.isNamed(), "surefire runs these tests on the module path");
        Set<String> exported = module.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.nebula.faas", "dev.nebula.faas.container"), exported);
    }
}
