package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.shotscope.metrics.MetricRegistry;
import io.shotscope.testsupport.SharedClips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web dashboard in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright; nothing
 * downloads a browser): a submitter signs in, uploads a shared clip, watches it go from queued to done,
 * opens its page, sees the chart and the factor bars, picks a frame on a curve, and exports the bid sheet.
 * Screenshots of the list and the shot page land in target/screenshots. Without chromium the test is
 * skipped locally, saying so, and fails in CI (scripts/ensure-tools --with-browser installs it).
 */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DashboardBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String CLIP = "asl-thanks.mkv";
    static final String SHOT_CODE = "asl-thanks";
    static final Duration PATIENCE = ApiClient.ANALYSIS_PATIENCE;
    /** How long a done shot's thumbnail may take to load and show. */
    static final Duration THUMBNAIL_PATIENCE = Duration.ofSeconds(10);

    @TempDir
    static Path root;
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        registry.add("shotscope.dashboard.enabled", () -> false);
    }

    @BeforeAll
    static void startChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = CHROMIUM + " is missing; run scripts/ensure-tools --with-browser (apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must have " + why);
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.abort("SKIPPED: " + why);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aSubmitterUploadsWatchesOpensPicksAFrameAndExports() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        List<String> pageErrors = new ArrayList<>();
        try (var context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setAcceptDownloads(true))) {
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    pageErrors.add(response.status() + " " + response.url());
                }
            });
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    pageErrors.add(message.text());
                }
            });
            page.navigate("http://127.0.0.1:" + port + "/");
            try {
                walkThrough(page);
            } catch (AssertionError | RuntimeException e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("failure.png"))
                        .setFullPage(true));
                throw e;
            }
        }
        assertEquals(List.of(), pageErrors, "no script error and no CSP violation");
    }

    private void walkThrough(Page page) throws IOException {
        page.getByLabel("User").fill(TestSettings.SUBMITTER);
        page.getByLabel("Password").fill(TestSettings.password(TestSettings.SUBMITTER));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Shots")).waitFor();

        page.locator("#plates").setInputFiles(SharedClips.clip(CLIP));
        Locator row = page.locator("tr[data-shot-code='" + SHOT_CODE + "']");
        Set<String> seen = watchStatus(row);
        assertTrue(seen.contains("QUEUED") || seen.contains("RUNNING"), "seen before done: " + seen);
        // the row is redrawn when the shot is done; its thumbnail shows once the image has loaded
        row.locator("img").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(THUMBNAIL_PATIENCE.toMillis()));
        assertTrue(row.locator("img").isVisible(), "the done shot shows its thumbnail");
        assertTrue(row.locator(".badge").textContent().matches("Easy|Medium|Hard"), row.textContent());
        assertTrue(row.locator("td.days").textContent().matches("\\d+\\.\\d"),
                "the default model learned days, so the list shows its estimate: " + row.textContent());
        String factor = "(high|low) [a-z ]+ \\([+-]\\d+\\.\\d d\\)";
        assertTrue(row.locator("td.factors").textContent().matches(factor + "(, " + factor + ")*"),
                "each top factor in the list says high or low and the days it adds: " + row.textContent());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shot-list.png")));

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Export CSV")).click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("Sequence,Shot,Frame In,Frame Out"), csv);
        assertTrue(csv.lines().anyMatch(line -> line.contains(SHOT_CODE)), csv);

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(SHOT_CODE)).click();
        page.locator("#chart polyline").first().waitFor();
        assertEquals(MetricRegistry.keys().size(), page.locator("#chart polyline").count(), "one curve per metric");
        List<String> strokes = page.locator("#chart polyline").all().stream().map(l -> l.getAttribute("stroke")).toList();
        assertEquals(strokes.size(), new HashSet<>(strokes).size(), "every curve has its own colour: " + strokes);
        assertEquals(MetricRegistry.keys().size(), page.locator("#factors .factor-bar").count(), "one bar per factor");
        assertTrue(page.locator("#estimated-days").textContent().matches("estimated effort: \\d+\\.\\d artist-days"),
                "the default model learned days, so the prediction panel shows its estimate");
        String drivenBy = "driven by (high|low) [a-z_ ]+ [+-]\\d+\\.\\d\\d days.*";
        assertTrue(page.locator("#driven-by").textContent().matches(drivenBy),
                "the prediction panel names what adds days to the estimate: " + page.locator("#driven-by").textContent());
        Locator frame = page.locator("#frame-image");
        frame.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        page.waitForCondition(() -> frame.getAttribute("data-frame") != null);
        String before = frame.getAttribute("data-frame");
        String sourceBefore = frame.getAttribute("src");

        page.locator("#chart").scrollIntoViewIfNeeded();   // a click outside the viewport reaches nothing
        BoundingBox chart = page.locator("#chart").boundingBox();
        page.mouse().click(chart.x + chart.width - 20, chart.y + chart.height / 2);
        page.waitForCondition(() -> !before.equals(frame.getAttribute("data-frame")));
        assertNotEquals(sourceBefore, frame.getAttribute("src"), "the picked frame's image is shown");
        assertTrue(page.locator(".hover-values").textContent().startsWith("frame "),
                page.locator(".hover-values").textContent());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shot-page.png"))
                .setFullPage(true));

        String picked = frame.getAttribute("data-frame");
        page.locator("#chart").focus();
        page.keyboard().press("ArrowLeft");
        page.waitForCondition(() -> !picked.equals(frame.getAttribute("data-frame")));

        Locator blur = page.locator(".legend button[data-metric='blur']");
        blur.click();
        assertEquals("false", blur.getAttribute("aria-pressed"));
        assertEquals(MetricRegistry.keys().size() - 1, page.locator("#chart polyline").count(),
                "a metric hidden from the legend");
        blur.click();
        assertEquals(MetricRegistry.keys().size(), page.locator("#chart polyline").count());

        String fullView = page.locator("#chart polyline[data-metric='blur']").getAttribute("points");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoom in")).click();
        assertNotEquals(fullView, page.locator("#chart polyline[data-metric='blur']").getAttribute("points"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset zoom")).click();
        assertEquals(fullView, page.locator("#chart polyline[data-metric='blur']").getAttribute("points"));

        Download report = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download report (JSON)")).click());
        assertTrue(Files.readString(report.path(), StandardCharsets.UTF_8).contains("\"complexity_scores\""));
    }

    /** Reads the row's status until DONE, returning every status seen in order. */
    private static Set<String> watchStatus(Locator row) {
        Set<String> seen = new LinkedHashSet<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (row.count() > 0) {
                String status = row.getAttribute("data-status");
                seen.add(status);
                if ("DONE".equals(status) || "FAILED".equals(status)) {
                    assertEquals("DONE", status, row.textContent());
                    return seen;
                }
            }
            row.page().waitForTimeout(100);
        }
        throw new AssertionError("the shot never finished in the list; seen " + seen);
    }
}
