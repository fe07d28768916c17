package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.Bootstrap;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real Chromium: sign in, create a deployment and call it through the API,
 * regenerate a key and see the old one refused. Records each page's time to first render and takes
 * screenshots of the main pages (under {@code target/portal-screenshots}).
 */
class PortalBrowserTest {
  private static final String CHAT =
      "/openai/deployments/browser-chat/chat/completions?api-version=2024-10-21";
  private static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
  private static final Path SHOTS = Path.of("target", "portal-screenshots");

  private static TestingServer server;
  private static Browser browser;
  private static final List<Browser.Timing> TIMINGS = new ArrayList<>();

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
    server = TestingServer.start();
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (!TIMINGS.isEmpty()) {
      var lines = new ArrayList<String>();
      for (var t : TIMINGS) {
        lines.add(
            "%s: first byte %.0f ms, first contentful paint %.0f ms, load %.0f ms"
                .formatted(t.page(), t.responseStartMs(), t.firstPaintMs(), t.loadedMs()));
      }
      Files.createDirectories(SHOTS);
      Files.write(SHOTS.resolve("timings.txt"), lines);
      lines.forEach(System.out::println);
    }
  }

  private static void open(String path, String page) {
    browser.driver.get(server.endpoint() + path);
    record(page);
  }

  private static void record(String page) {
    TIMINGS.add(browser.timing(page));
    browser.screenshot(SHOTS.resolve(page + ".png"));
  }

  private static WebDriverWait await() {
    return browser.await();
  }

  @Test
  void signsInCreatesADeploymentAndRegeneratesAKey() {
    var driver = browser.driver;
    String base =
        "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/" + Bootstrap.DEFAULT_ACCOUNT;
    open("/portal/resources", "sign-in");
    assertThat(driver.getCurrentUrl()).endsWith("/portal/sign-in");
    driver.findElement(By.id("credential")).sendKeys(server.server().adminToken());
    driver.findElement(By.cssSelector("form[action='/portal/sign-in'] button")).click();
    await().until(ExpectedConditions.urlContains("/portal/resources"));
    record("resources");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Resources");
    driver.findElement(By.linkText(Bootstrap.DEFAULT_ACCOUNT)).click();
    await().until(ExpectedConditions.urlContains(base));
    record("resource");
    assertThat(driver.findElement(By.id("endpoint")).getText()).startsWith("http");

    open(base + "/deployments", "deployments-empty");
    driver.findElement(By.id("name")).sendKeys("browser-chat");
    driver.findElement(By.cssSelector("#model option[value='gpt-4o@2024-11-20']")).click();
    var capacity = driver.findElement(By.id("capacity"));
    capacity.clear();
    capacity.sendKeys("20");
    driver.findElement(By.id("create-deployment")).click();
    await()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-deployment='browser-chat']")));
    record("deployments");
    assertThat(driver.findElement(By.cssSelector("tr[data-deployment='browser-chat']")).getText())
        .contains("gpt-4o", "Standard");

    String oldKey = server.key();
    var api = new TestingHttp(server.endpoint(), oldKey);
    assertThat(api.post(CHAT, HELLO).status()).isEqualTo(200);

    open(base + "/keys", "keys");
    driver.findElement(By.id("regenerate-key1")).click();
    await().until(ExpectedConditions.alertIsPresent()).accept();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("revealed-key")));
    record("key-regenerated");
    String newKey = driver.findElement(By.id("revealed-key")).getText();
    assertThat(newKey).isNotEqualTo(oldKey).isEqualTo(server.key());
    assertThat(api.post(CHAT, HELLO).status()).isEqualTo(401);
    assertThat(new TestingHttp(server.endpoint(), newKey).post(CHAT, HELLO).status())
        .isEqualTo(200);

    open(base + "/keys", "keys-after");
    assertThat(driver.getPageSource()).doesNotContain(newKey);
  }
}
