package dev.lazurite.portal;

import static dev.lazurite.portal.OpsFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search, content filter, blocklist, pool, batch and deployment pages in a real Chromium: one
 * write on each page that has one (add a blocklist item, cancel a batch, scale a deployment and
 * change its content filter), each checked through the API. Takes the screenshots under {@code
 * target/portal-screenshots}.
 */
class PortalOpsBrowserTest {
  private static final Path SHOTS = Path.of("target", "portal-screenshots");

  private static TestingServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
    server = OpsFixture.start();
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static WebDriverWait await() {
    return browser.await();
  }

  private static void open(String path) {
    browser.driver.get(server.endpoint() + path);
  }

  private static void shot(String name) {
    browser.screenshot(SHOTS.resolve(name + ".png"));
  }

  private static void signIn() {
    var driver = browser.driver;
    browser.signInAsAdmin(server.endpoint(), server.server().adminToken());
  }

  @Test
  void walksTheOperationsPagesAndChangesWhatEachOneChanges() {
    var driver = browser.driver;
    signIn();

    driver.findElement(By.linkText("Search")).click();
    await()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-index='docs']")));
    driver.findElement(By.linkText("docs")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("search-text")));
    driver.findElement(By.id("search-text")).sendKeys("apple");
    driver.findElement(By.id("run-search")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-key='a']")));
    assertThat(driver.findElements(By.cssSelector("tr[data-key='b']"))).isEmpty();
    assertThat(driver.findElement(By.id("document-count")).getText()).isEqualTo("2");
    shot("search");

    open(BASE);
    driver.findElement(By.linkText("Content filters")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("policies")));
    driver.findElement(By.linkText("strict")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("filters")));
    assertThat(driver.findElement(By.id("policy")).getText()).contains("Asynchronous_filter");
    shot("policies");

    open(BASE + "/blocklists");
    driver.findElement(By.linkText("banned")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("add-item")));
    driver.findElement(By.id("item")).sendKeys("browser-term");
    driver.findElement(By.id("pattern")).sendKeys("Operation Nightjar");
    driver.findElement(By.id("add-item")).click();
    await()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-item='browser-term']")));
    assertThat(OpsFixture.items(server, "banned")).contains("codename", "browser-term");
    shot("blocklists");

    open(BASE + "/pools");
    await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-pool]")));
    assertThat(driver.findElement(By.cssSelector("tr[data-member='slow-east']")).getText())
        .contains("eastus", "CLOSED");
    shot("pools");

    String running = OpsFixture.batch(server, 40);
    String id = OpsFixture.batch(server, 40);
    open(BASE + "/batches");
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("cancel-" + id)));
    driver.findElement(By.id("cancel-" + id)).click();
    await().until(ExpectedConditions.alertIsPresent()).accept();
    await()
        .until(
            ExpectedConditions.textMatches(
                By.cssSelector("tr[data-batch='" + id + "'] .status"),
                java.util.regex.Pattern.compile("cancell(ing|ed)")));
    assertThat(OpsFixture.batchStatus(server, id)).isIn("cancelling", "cancelled");
    assertThat(driver.findElements(By.id("cancel-" + running))).hasSize(1);
    shot("batches");

    open(BASE + "/deployments");
    await()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-deployment='gpt-4o']")));
    var capacity = driver.findElement(By.id("cap-gpt-4o"));
    capacity.clear();
    capacity.sendKeys("7");
    driver
        .findElement(
            By.cssSelector("tr[data-deployment='gpt-4o'] form[action$='/capacity'] button"))
        .click();
    await().until(d -> "7".equals(d.findElement(By.id("cap-gpt-4o")).getDomProperty("value")));
    new Select(driver.findElement(By.id("pol-gpt-4o"))).selectByValue("strict");
    driver
        .findElement(By.cssSelector("tr[data-deployment='gpt-4o'] form[action$='/policy'] button"))
        .click();
    await()
        .until(
            d ->
                "strict"
                    .equals(
                        new Select(d.findElement(By.id("pol-gpt-4o")))
                            .getFirstSelectedOption()
                            .getDomProperty("value")));
    var deployment = OpsFixture.arm(server, "GET", "/deployments/gpt-4o", null).json();
    assertThat(deployment.path("sku").path("capacity").asInt()).isEqualTo(7);
    assertThat(deployment.path("properties").path("raiPolicyName").asText()).isEqualTo("strict");
  }
}
