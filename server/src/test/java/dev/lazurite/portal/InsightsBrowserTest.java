package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The usage, quota and audit pages in a real Chromium, after chat requests made with a key: the
 * usage chart (an inline SVG with the deployment's series) and its table with the exact tokens the
 * API answered, and the audit log listing those requests, filtered by deployment and status. Prints
 * the usage page's warm time to first render; screenshots go to {@code target/portal-screenshots}.
 */
class InsightsBrowserTest {
  private static final String DEPLOYMENT = "insights-chat";
  private static final String CHAT =
      "/openai/deployments/" + DEPLOYMENT + "/chat/completions?api-version=2024-10-21";
  private static final String BASE =
      "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/" + Bootstrap.DEFAULT_ACCOUNT;
  private static final Path SHOTS = Path.of("target", "portal-screenshots");
  private static final int REQUESTS = 3;

  private static TestingServer server;
  private static Browser browser;
  private static long prompt;
  private static long completion;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
    server = TestingServer.start();
    server.deploy(
        new DeploymentRequest(DEPLOYMENT, "gpt-4o", "", "Standard", 10, "", "", Optional.empty()));
    var api = new TestingHttp(server.endpoint(), server.key());
    for (int i = 0; i < REQUESTS; i++) {
      var answer =
          api.post(
              CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello number " + i + "\"}]}");
      assertThat(answer.status()).isEqualTo(200);
      JsonNode usage = answer.json().path("usage");
      prompt += usage.path("prompt_tokens").asLong();
      completion += usage.path("completion_tokens").asLong();
    }
    assertThat(api.post(CHAT, "{\"messages\": 7}").status()).isEqualTo(400);
    server.server().flushUsage();
    server.server().flushAudit();
    browser = new Browser();
    browser.signInAsAdmin(server.endpoint(), server.server().adminToken());
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

  private static WebElement find(String css) {
    return await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  @Test
  void theUsagePageChartsAndTablesTheTokensJustUsed() {
    var driver = browser.driver;
    driver.get(server.endpoint() + BASE);
    driver.findElement(By.linkText("Usage and cost")).click();
    WebElement row = find("#usage tr[data-group='" + DEPLOYMENT + "']");
    List<String> cells =
        row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList();
    // Day, requests, prompt, cached, completion, cost.
    assertThat(cells.get(2)).isEqualTo(Long.toString(prompt));
    assertThat(cells.get(4)).isEqualTo(Long.toString(completion));
    assertThat(Long.parseLong(cells.get(1))).isGreaterThanOrEqualTo(REQUESTS);
    WebElement chart = find("figure.chart svg#chart-tokens");
    assertThat(chart.getAttribute("role")).isEqualTo("img");
    assertThat(chart.findElements(By.cssSelector("rect, path"))).isNotEmpty();
    assertThat(chart.getText()).contains(DEPLOYMENT, "Tokens per deployment");
    browser.screenshot(SHOTS.resolve("usage.png"));

    // Warm: the same page again, its timings from the browser's navigation and paint entries.
    driver.navigate().refresh();
    find("#usage");
    var timing = browser.timing("usage");
    System.out.printf(
        "usage page (warm): first byte %.0f ms, first contentful paint %.0f ms, load %.0f ms%n",
        timing.responseStartMs(), timing.firstPaintMs(), timing.loadedMs());

    // Hour buckets cover at most three days: today's, split by key slot.
    driver.get(server.endpoint() + BASE + "/usage?granularity=hour&by=key");
    WebElement key = find("#usage tr[data-group='key1']");
    assertThat(key.findElements(By.cssSelector("td")).get(2).getText())
        .isEqualTo(Long.toString(prompt));
    assertThat(driver.getCurrentUrl()).contains("granularity=hour", "by=key");
  }

  @Test
  void theAuditPageListsTheRequestsAndFilters() {
    var driver = browser.driver;
    driver.get(server.endpoint() + BASE + "/audit");
    find("#audit");
    assertThat(
            driver.findElements(By.cssSelector("#audit tr[data-deployment='" + DEPLOYMENT + "']")))
        .hasSizeGreaterThanOrEqualTo(REQUESTS + 1);
    browser.screenshot(SHOTS.resolve("audit.png"));

    driver.findElement(By.id("deployment")).sendKeys(DEPLOYMENT);
    driver.findElement(By.id("status")).sendKeys("400");
    driver.findElement(By.id("filter-audit")).click();
    await().until(ExpectedConditions.urlContains("status=400"));
    var rows = driver.findElements(By.cssSelector("#audit tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().getAttribute("data-status")).isEqualTo("400");
    assertThat(rows.getFirst().getText()).contains(Bootstrap.DEFAULT_ACCOUNT + "/key1");

    var status = driver.findElement(By.id("status"));
    status.clear();
    status.sendKeys("200");
    driver.findElement(By.id("filter-audit")).click();
    await().until(ExpectedConditions.urlContains("status=200"));
    assertThat(driver.findElements(By.cssSelector("#audit tbody tr"))).hasSize(REQUESTS);
    assertThat(driver.getPageSource()).doesNotContain(server.key());
  }

  @Test
  void theQuotaPageShowsEachDeploymentsLimits() {
    browser.driver.get(server.endpoint() + BASE + "/quota");
    WebElement row = find("#deployment-quota tr[data-deployment='" + DEPLOYMENT + "']");
    assertThat(row.getText()).contains("10000", "60");
    browser.screenshot(SHOTS.resolve("quota.png"));
  }
}
