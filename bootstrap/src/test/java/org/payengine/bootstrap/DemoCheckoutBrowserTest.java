package org.payengine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A buyer in headless Chromium: the demo shop, the simulator's hosted card page (its formatted card number, brand and
 * test cards; a 3DS challenge, a decline and a retry), the result page that asks the engine and keeps waiting until a
 * late result arrives, a manual capture and refunds from the orders console, and the pages at a phone's and a laptop's width. The demo runs
 * in this JVM (engine, simulator and H2 in a temporary directory), exactly as {@code demo} starts it.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; skipped, loudly, without them. Screenshots of
 * every step go to {@code target/screenshots/}.
 */
class DemoCheckoutBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Path data;
    private static Demo demo;
    private static String shop;

    private WebDriver browser;
    private Path profile;
    private String testName;
    private int step;

    @BeforeAll
    static void startDemo() throws IOException {
        boolean browserInstalled = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browserInstalled) {
            System.out.println("""

                    ************************************************************************************
                    SKIPPED: the browser test of the demo checkout does not run because %s or %s
                    is missing (install them with: apt-get install -y chromium chromium-driver)
                    ************************************************************************************
                    """.formatted(CHROMIUM, CHROMEDRIVER));
        }
        Assumptions.assumeTrue(browserInstalled, "chromium and chromium-driver are not installed");
        // Selenium looks for DevTools bindings of this Chromium's version, which the test does not use.
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.SEVERE);
        data = Files.createTempDirectory("payengine-browser-demo");
        demo = Demo.start(new Demo.Settings(0, 0, data));
        shop = demo.engineUrl() + "/demo";
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopDemo() {
        if (demo != null) {
            demo.stop();
        }
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        testName = test.getTestMethod().orElseThrow().getName();
        profile = Files.createTempDirectory("payengine-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1024", "--user-data-dir=" + profile);
        // An explicit driver: Selenium Manager never looks for one on the network.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            screenshot("last");
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void a_buyer_pays_with_a_success_card() {
        buy("AUTOMATIC");
        payOnHostedPage("4054695723100768");

        assertEquals("SUCCEEDED", finalResult());
        assertTrue(text("result-status").contains("Payment received"), text("result-status"));
        assertTrue(browser.findElement(By.id("back-to-shop")).isDisplayed(), "a way back to the shop");
    }

    @Test
    void the_hosted_page_formats_the_card_number_shows_its_brand_and_lists_the_test_cards() {
        buy("AUTOMATIC");
        WebElement number = waitFor(By.id("cardNumber"));
        number.sendKeys("5162774114974622");

        assertEquals("5162 7741 1497 4622", number.getAttribute("value"));
        assertEquals("Mastercard", text("cardBrandBadge"));
        WebElement testCards = browser.findElement(By.id("testCards"));
        assertTrue(testCards.getText().contains("4054 6957 2310 0768"), testCards.getText());
        testCards.findElement(By.cssSelector("button[data-number='4054695723100768']")).click();
        assertEquals("4054 6957 2310 0768", number.getAttribute("value"), "a test card fills the number in");
        assertEquals("Visa", text("cardBrandBadge"));
        screenshot("hosted-page-formatted");
    }

    @Test
    void the_result_page_turns_to_paid_on_its_own_for_a_payment_the_issuer_answers_a_minute_later() {
        buy("AUTOMATIC");
        payOnHostedPage("4000020000000059"); // the issuer answers 60 s (simulated) later
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.attributeToBe(
                By.id("result-status"), "data-status", "PROCESSING"));
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
        screenshot("waiting");
        String waiting = text("result-advice");

        demo.simulator().advanceClock(Duration.ofSeconds(61)); // the minute passes: Antom notifies the engine

        assertEquals("SUCCEEDED", finalResult());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage;"),
                "the page turned to paid without a reload");
        assertTrue(text("result-status").contains("Payment received"), text("result-status"));
        assertTrue(waiting.contains("keep this page open"), waiting);
    }

    @Test
    void the_shop_and_the_orders_console_fit_a_phone_and_a_laptop_screen() {
        buy("MANUAL");
        payOnHostedPage("4054695723100768");
        assertEquals("SUCCEEDED", finalResult());
        for (Dimension screen : new Dimension[] {new Dimension(1280, 1024), new Dimension(390, 844)}) {
            browser.manage().window().setSize(screen);
            for (String page : new String[] {"/demo", "/demo/orders"}) {
                browser.get(demo.engineUrl() + page);
                waitFor(By.id("orders-link"));
                browser.findElements(By.cssSelector("details")).forEach(details ->
                        ((JavascriptExecutor) browser).executeScript("arguments[0].open = true;", details));
                screenshot((page.endsWith("orders") ? "orders" : "shop") + "-" + screen.getWidth() + "px");
                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, ((Number) overflow).longValue(), page + " is wider than " + screen.getWidth() + " px");
            }
        }
        String time = browser.findElement(By.cssSelector("#orders time")).getText();
        assertTrue(!time.contains("UTC") && !time.contains("T"), "local times, not ISO instants: " + time);
    }

    @Test
    void a_buyer_passes_a_3ds_challenge() {
        buy("AUTOMATIC");
        payOnHostedPage("4000020000000109");
        waitFor(By.id("challengeCode")).sendKeys("1234");
        screenshot("challenge");
        browser.findElement(By.id("challengeSubmit")).click();

        assertEquals("SUCCEEDED", finalResult());
    }

    @Test
    void a_declined_buyer_tries_again_and_pays() {
        buy("AUTOMATIC");
        payOnHostedPage("4054692760174822");
        assertEquals("FAILED", finalResult());
        assertTrue(text("result-advice").contains("Try another card"), text("result-advice"));
        String orderId = orderId();

        browser.findElement(By.id("try-again")).click();
        payOnHostedPage("5162774114974622");

        assertEquals("SUCCEEDED", finalResult());
        assertEquals(orderId, orderId(), "the retry is a new attempt of the same order");
    }

    @Test
    void the_shop_captures_a_manual_capture_order_from_the_orders_page() {
        buy("MANUAL");
        payOnHostedPage("4054695723100768");
        assertEquals("SUCCEEDED", finalResult());
        assertTrue(text("result-status").contains("authorized"), text("result-status"));
        String orderId = orderId();

        browser.get(demo.engineUrl() + "/demo/orders");
        WebElement capture = waitFor(By.xpath("//section[@id='order-" + orderId + "']//button[starts-with(@id,'capture-')]"));
        String attempt = capture.getAttribute("id").substring("capture-".length());
        screenshot("orders-before-capture");
        capture.click();

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(By.id("status-" + attempt), "CAPTURED"));
        screenshot("orders-after-capture");
        assertEquals("SUCCEEDED", text("capture-status-" + attempt));
        assertEquals("PAID", text("order-status-" + orderId));
    }

    @Test
    void the_shop_refunds_part_then_the_rest_of_a_payment_from_the_orders_page() {
        buy("MANUAL");
        payOnHostedPage("4054695723100768");
        assertEquals("SUCCEEDED", finalResult());
        String orderId = orderId();
        browser.get(demo.engineUrl() + "/demo/orders");
        WebElement capture = waitFor(By.xpath("//section[@id='order-" + orderId + "']//button[starts-with(@id,'capture-')]"));
        String attempt = capture.getAttribute("id").substring("capture-".length());
        capture.click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(By.id("status-" + attempt), "CAPTURED"));
        WebElement refund = waitFor(By.id("refund-" + attempt));
        WebElement amount = browser.findElement(By.id("refund-amount-" + attempt));
        amount.clear();
        amount.sendKeys("1.50");
        screenshot("orders-before-refund");
        refund.click();

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id("refunded-" + attempt)));
        screenshot("orders-after-partial-refund");
        assertTrue(text("refunded-" + attempt).endsWith("1.50"), text("refunded-" + attempt));
        assertEquals("CAPTURED", text("status-" + attempt));
        assertEquals("PAID", text("order-status-" + orderId));

        waitFor(By.id("refund-" + attempt)).click(); // the rest: what is left is the form's amount
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(By.id("status-" + attempt), "REFUNDED"));
        screenshot("orders-after-full-refund");
        assertEquals("REFUNDED", text("order-status-" + orderId));
        assertTrue(browser.findElements(By.id("refund-" + attempt)).isEmpty(), "nothing is left to refund");
    }

    private void buy(String captureMode) {
        browser.get(shop);
        new Select(waitFor(By.id("captureMode"))).selectByValue(captureMode);
        screenshot("shop");
        browser.findElement(By.id("pay")).click();
    }

    private void payOnHostedPage(String cardNumber) {
        waitFor(By.id("cardNumber")).sendKeys(cardNumber);
        browser.findElement(By.id("expiryMonth")).sendKeys("12");
        browser.findElement(By.id("expiryYear")).sendKeys("30");
        browser.findElement(By.id("cvv")).sendKeys("123");
        browser.findElement(By.id("holderName")).sendKeys("Ada Buyer");
        screenshot("hosted-page");
        browser.findElement(By.id("pay")).click();
    }

    /** The result page's verdict once it is final (it polls the engine while the payment is processing). */
    private String finalResult() {
        new WebDriverWait(browser, PATIENCE).until(driver -> {
            var status = driver.findElements(By.id("result-status"));
            return !status.isEmpty() && !"PROCESSING".equals(status.get(0).getAttribute("data-status"));
        });
        screenshot("result");
        return browser.findElement(By.id("result-status")).getAttribute("data-status");
    }

    /** The order the result page is about (not shown to the buyer: an attribute of the status). */
    private String orderId() {
        return browser.findElement(By.id("result-status")).getAttribute("data-order");
    }

    private WebElement waitFor(By element) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(element));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private void screenshot(String what) {
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++step, what)), png);
        } catch (RuntimeException | IOException e) {
            System.out.println("screenshot " + what + " of " + testName + " not saved: " + e);
        }
    }
}
