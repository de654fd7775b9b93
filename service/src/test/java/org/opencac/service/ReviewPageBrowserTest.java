package org.opencac.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencac.service.support.RunningService;

/**
 * The coders' review page in a real browser (Debian's chromium and chromium-driver, headless): log in, open a
 * note, accept one suggestion with the keyboard, reject one with a reason, finalize, and check the database.
 * Skipped when /usr/bin/chromedriver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPageBrowserTest {
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final String TEXT = "Assessment: essential hypertension, stable.\n"
            + "Type 2 diabetes: diet controlled; <b>not</b> markup.";

    private RunningService service;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(CHROMEDRIVER.canExecute() && CHROMIUM.canExecute(),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        service = RunningService.onFreshH2();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000");
        // Explicit driver path: Selenium Manager must not try to download a driver.
        ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void coderReviewsAndFinalizesANoteInTheBrowser() throws Exception {
        HttpResponse<String> submitted = service.as(RunningService.INTEGRATION, "POST", "/api/v1/notes",
                Map.of("text", TEXT, "externalEncounterId", "ENC-BROWSER-1", "dateOfService", "2019-03-02"));
        assertEquals(201, submitted.statusCode(), submitted.body());
        String noteId = service.parse(submitted).get("id").asText();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(service.baseUrl() + "/review/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(RunningService.CODER);
        browser.findElement(By.id("password")).sendKeys(RunningService.password(RunningService.CODER));
        browser.findElement(By.id("login-button")).click();

        By row = By.cssSelector("#worklist tr[data-note-id='" + noteId + "']");
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#suggestions li"), 2));

        // Evidence is highlighted in the text, and the note's "<b>" stays text, not markup.
        List<String> marked = browser.findElements(By.cssSelector("#note-text mark")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("essential hypertension", "Type 2 diabetes"), marked);
        assertTrue(browser.findElement(By.id("note-text")).getText().contains("<b>not</b> markup"));
        assertEquals(0, browser.findElements(By.cssSelector("#note-text b")).size());
        assertEquals("essential hypertension",
                browser.findElement(By.cssSelector("#note-text mark.selected")).getText());

        // Accept the first suggestion with the keyboard shortcut.
        browser.findElement(By.tagName("body")).sendKeys("a");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#suggestions li[data-suggestion-id='1'] .decision"), "accepted"));

        // Reject the second one with a reason.
        browser.findElement(By.cssSelector("#suggestions li[data-suggestion-id='2'] button.reject")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")))
                .sendKeys("diet controlled, documented elsewhere");
        browser.findElement(By.id("reason-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#suggestions li[data-suggestion-id='2'] .decision"), "rejected"));

        // A picture of the page for people reviewing the build (target/review-page.png).
        java.nio.file.Files.copy(((org.openqa.selenium.TakesScreenshot) browser)
                        .getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                java.nio.file.Path.of("target", "review-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("finalize")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Note finalized"));

        // What the browser did is what the database holds.
        Map<String, Object> note = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT status, version, finalized_by FROM note WHERE id = :id").bind("id", noteId).mapToMap().one());
        assertEquals("finalized", note.get("status"));
        assertEquals(4, ((Number) note.get("version")).intValue());
        assertEquals(RunningService.CODER, note.get("finalized_by"));
        List<Map<String, Object>> decisions = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT code, decision, reason, decided_by FROM suggestion WHERE note_id = :id ORDER BY ordinal")
                .bind("id", noteId).mapToMap().list());
        assertEquals("I10", decisions.get(0).get("code"));
        assertEquals("accepted", decisions.get(0).get("decision"));
        assertEquals("E11.9", decisions.get(1).get("code"));
        assertEquals("rejected", decisions.get(1).get("decision"));
        assertEquals("diet controlled, documented elsewhere", decisions.get(1).get("reason"));
        assertEquals(RunningService.CODER, decisions.get(1).get("decided_by"));

        JsonNode audit = service.parse(service.get(RunningService.EVALUATOR, "/api/v1/notes/" + noteId + "/audit"));
        assertEquals(4, audit.size());
    }
}
