package dev.lazurite.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver: no download, no network beyond the
 * server under test, a fresh profile each time.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final Path profile;
  final ChromeDriver driver;

  /** The page's render timings, from the browser's own navigation and paint timing. */
  record Timing(String page, double responseStartMs, double firstPaintMs, double loadedMs) {}

  Browser() {
    try {
      this.profile = Files.createTempDirectory("lazurite-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Waits up to 30 s for a condition: pages on a busy machine take their time. */
  WebDriverWait await() {
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // Pages are rendered by the server: after a form post the whole page is replaced, so an
    // element one poll found may be gone before that poll is done with it; the next poll looks
    // again.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /** Signs in on the sign-in page with the server's admin credential. */
  void signInAsAdmin(String endpoint, String credential) {
    driver.get(endpoint + "/portal/sign-in");
    driver.findElement(By.id("credential")).sendKeys(credential);
    driver.findElement(By.cssSelector("form[action='/portal/sign-in'] button")).click();
    await().until(ExpectedConditions.urlContains("/portal/resources"));
  }

  /** The timings of the page last loaded. */
  Timing timing(String page) {
    // The paint entry may come after the page is loaded: wait for it (at most 5 s).
    @SuppressWarnings("unchecked")
    var values =
        (List<Object>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const n = performance.getEntriesByType('navigation')[0];"
                    + "const answer = (p) => done([n.responseStart, p, n.loadEventEnd]);"
                    + "new PerformanceObserver((list, observer) => {"
                    + "  const p = list.getEntriesByName('first-contentful-paint')[0];"
                    + "  if (p) { observer.disconnect(); answer(p.startTime); }"
                    + "}).observe({type: 'paint', buffered: true});"
                    + "setTimeout(() => answer(-1), 5000);");
    return new Timing(page, number(values.get(0)), number(values.get(1)), number(values.get(2)));
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A profile left in the temporary directory is harmless.
      }
    }
  }
}
