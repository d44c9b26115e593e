package dev.nebula.faas.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nebula.faas.FaasHost;
import dev.nebula.faas.HostConfig;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host's web page in a real browser (headless Chromium): it lists the deployed functions,
 * invokes one with the typed input and shows its output, shows a trap as a failure, and draws the
 * latency chart with uPlot served by the host. A screenshot is kept in
 * {@code target/faas-page.png}.
 *
 * <p>Needs Debian's {@code chromium} ({@code apt-get install -y chromium}); without it the test
 * fails saying so, unless {@code -Dnebula.browser=skip} asks to leave it out (which it prints).
 */
class WebPageTest {

    @TempDir
    Path data;

    @Test
    void thePageListsInvokesAndCharts() throws Exception {
        String executable = HeadlessChromium.find().orElse(null);
        if (executable == null) {
            if ("skip".equals(System.getProperty("nebula.browser"))) {
                System.out.println("WebPageTest: SKIPPED by -Dnebula.browser=skip: no chromium to test the page with");
                return;
            }
            throw new AssertionError("the web page test needs chromium: apt-get install -y chromium (or set NEBULA_CHROMIUM;"
                    + " -Dnebula.browser=skip leaves the test out)");
        }
        try (FaasHost host = FaasHost.start(HostConfig.defaults(data).withBind("127.0.0.1", 0), p -> { });
             HeadlessChromium browser = new HeadlessChromium(executable)) {
            deploy(host, "echo", "echo.wasm");
            deploy(host, "trap", "trap.wasm");

            browser.navigate(host.uri().toString());
            browser.waitUntil("location.href.startsWith('http') && document.body !== null && document.body.dataset.ready === 'true'", Duration.ofSeconds(20), "the page loaded its data");
            assertEquals("echo,trap", browser.evaluate(
                    "[...document.querySelectorAll('#functions tr')].map(r => r.dataset.name).join(',')").asText());
            assertTrue(browser.evaluate("typeof uPlot === 'function'").asBoolean(), "uPlot loaded from the host's WebJar");

            // Invoke echo as a person would: pick it, type, press the button.
            browser.evaluate("document.getElementById('fn-select').value = 'echo';"
                    + "document.getElementById('fn-select').dispatchEvent(new Event('change'));"
                    + "document.getElementById('input').value = 'hello from the browser'; true");
            clickInvokeAndWait(browser, 1);
            assertEquals("hello from the browser", browser.evaluate("document.getElementById('result-output').textContent").asText());
            String status = browser.evaluate("document.getElementById('result-status').textContent").asText();
            assertTrue(status.startsWith("HTTP 200 · ok · exit 0"), status);
            clickInvokeAndWait(browser, 2);
            assertTrue(browser.evaluate("document.querySelectorAll('#chart canvas').length > 0").asBoolean(), "the chart is drawn");
            assertTrue(browser.evaluate("document.getElementById('chart-empty').hidden").asBoolean());
            assertEquals(2, browser.evaluate("state.chart.data[0].length").asInt(), "two invocations of echo charted");
            assertEquals("echo", browser.evaluate("document.getElementById('chart-name').textContent").asText());
            assertTrue(browser.evaluate("document.querySelector('#chart .u-legend').textContent.includes('total ms')").asBoolean());

            // A trap shows as a failure, named.
            browser.evaluate("document.getElementById('fn-select').value = 'trap';"
                    + "document.getElementById('fn-select').dispatchEvent(new Event('change')); true");
            clickInvokeAndWait(browser, 3);
            assertTrue(browser.evaluate("document.getElementById('result-output').textContent").asText()
                    .startsWith("trap: integer divide by zero"));
            assertEquals("fail", browser.evaluate("document.getElementById('result-status').className").asText());
            assertTrue(browser.evaluate("document.getElementById('result-status').textContent").asText().startsWith("HTTP 500 · trap"));

            // Back to echo for the picture: two points on its chart.
            browser.evaluate("document.querySelector('#functions tr[data-name=echo]').click(); true");
            browser.waitUntil("document.getElementById('chart-name').textContent === 'echo'", Duration.ofSeconds(10), "echo selected");
            Thread.sleep(300);
            byte[] png = browser.screenshot();
            Path shot = Path.of("target", "faas-page.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertTrue(image.getWidth() >= 800 && image.getHeight() >= 600, image.getWidth() + "x" + image.getHeight());
            assertTrue(distinctColours(image) > 20, "the screenshot shows a drawn page, not a blank one");
            System.out.println("WebPageTest: screenshot in " + shot.toAbsolutePath());
        }
    }

    /** Presses Invoke once the page is idle, and waits until the page has finished its {@code n}-th invocation. */
    private static void clickInvokeAndWait(HeadlessChromium browser, int n) throws Exception {
        browser.waitUntil("!document.getElementById('invoke').disabled", Duration.ofSeconds(20), "the Invoke button enabled");
        browser.evaluate("document.getElementById('invoke').click(); true");
        browser.waitUntil("document.body.dataset.invocations === '" + n + "'", Duration.ofSeconds(30), "invocation " + n + " shown");
    }

    private static void deploy(FaasHost host, String name, String fixture) throws Exception {
        byte[] module;
        try (InputStream in = WebPageTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            module = in.readAllBytes();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(host.uri() + "system/functions/" + name))
                        .header("Authorization", "Bearer " + host.token().value())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(module)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
        }
        return colours.size();
    }
}
