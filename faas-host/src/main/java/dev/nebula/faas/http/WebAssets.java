package dev.nebula.faas.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The web page and what it loads: {@code /} and {@code /static/*} from this jar's
 * {@code dev/nebula/faas/web}, and {@code /webjars/uplot/*} from the uPlot WebJar on the class
 * path (its version found from the WebJar's own pom.properties, so the page never names one).
 * Only files listed here are served, so no path can reach anything else on the class path.
 */
final class WebAssets {

    private static final String UPLOT_PREFIX = "/webjars/uplot/";

    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html",
            "/static/app.js", "app.js",
            "/static/app.css", "app.css");

    private static final Map<String, String> UPLOT = Map.of(
            "dist/uPlot.iife.min.js", "application/javascript",
            "dist/uPlot.min.css", "text/css",
            "LICENSE", "text/plain");

    private final String uplotVersion = uplotVersion();

    boolean serves(String path) {
        return STATIC.containsKey(path) || (path.startsWith(UPLOT_PREFIX) && UPLOT.containsKey(path.substring(UPLOT_PREFIX.length())));
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String resource;
        String type;
        if (STATIC.containsKey(path)) {
            String file = STATIC.get(path);
            resource = "/dev/nebula/faas/web/" + file;
            type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "application/javascript" : "text/css";
        } else {
            String file = path.substring(UPLOT_PREFIX.length());
            resource = "META-INF/resources/webjars/uplot/" + uplotVersion + "/" + file;
            type = UPLOT.get(file);
        }
        byte[] bytes;
        // The page's own files sit in this module's dev/nebula/faas/web, which a named module
        // keeps from class-loader lookups; Class.getResourceAsStream reads its own module's.
        // uPlot is another jar's META-INF, which the class loader finds on either path.
        try (InputStream in = resource.startsWith("/") ? WebAssets.class.getResourceAsStream(resource)
                : WebAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw HttpProblem.notFound("missing from the build: " + resource);
            bytes = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        HttpIo.send(exchange, 200, type, bytes);
    }

    private static String uplotVersion() {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) return "missing";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "missing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
