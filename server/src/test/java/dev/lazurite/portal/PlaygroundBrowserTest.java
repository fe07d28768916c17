package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat playground in a real Chromium: the answer appears token by token while it streams (the
 * simulator waits between tokens, so partial text is observable), an index grounds an answer and
 * its citations are listed, and the code view shows the request for the chosen deployment. Records
 * the page's warm render time and takes its screenshot (under {@code target/portal-screenshots}).
 */
class PlaygroundBrowserTest {
  private static final Path SHOTS = Path.of("target", "portal-screenshots");
  private static final String ECHO =
      "the quick brown fox jumps over the lazy dog and keeps running far across the quiet green"
          + " fields until the evening sun sets behind the distant blue hills of the valley";

  private static TestingServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
    server =
        TestingServer.start(
            c ->
                c.withSimulator(
                    new SimulatorConfig(Duration.ZERO, Duration.ofMillis(120), 20, 60)));
    PlaygroundFixture.searchIndex(server);
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

  private static void open() {
    browser.driver.get(server.endpoint() + PlaygroundFixture.BASE);
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("prompt")));
  }

  private static WebElement send(String text) {
    int before = browser.driver.findElements(By.cssSelector("#transcript .turn.assistant")).size();
    browser.driver.findElement(By.id("prompt")).sendKeys(text);
    browser.driver.findElement(By.id("send")).click();
    By answer = By.cssSelector("#transcript .turn.assistant:nth-of-type(" + (2 * before + 2) + ")");
    return await().until(ExpectedConditions.presenceOfElementLocated(answer));
  }

  @Test
  void theAnswerStreamsTokenByTokenAndTheCodeShowsTheRequest() throws IOException {
    open();
    new Select(browser.driver.findElement(By.id("deployment"))).selectByValue("gpt-4o");
    WebElement answer = send("/echo " + ECHO);
    WebElement content = answer.findElement(By.cssSelector(".content"));
    WebElement status = browser.driver.findElement(By.id("status"));
    // Part of the answer is on the page while the stream is still open.
    String partial =
        await()
            .until(
                d -> {
                  String text = content.getText();
                  boolean streaming = "true".equals(status.getDomAttribute("data-streaming"));
                  return streaming && !text.isEmpty() && text.length() < ECHO.length()
                      ? text
                      : null;
                });
    assertThat(ECHO).startsWith(partial);
    await().until(d -> "true".equals(answer.getDomAttribute("data-done")));
    assertThat(content.getText()).isEqualTo(ECHO);
    assertThat(status.getDomAttribute("data-streaming")).isEqualTo("false");

    browser.driver.findElement(By.cssSelector("#code-view summary")).click();
    String curl = browser.driver.findElement(By.id("code-curl")).getText();
    assertThat(curl)
        .contains("/openai/deployments/gpt-4o/chat/completions", "$AZURE_OPENAI_API_KEY")
        .doesNotContain(server.key());
    assertThat(browser.driver.findElement(By.id("code-python")).getText())
        .contains("AzureOpenAI(", "model=\"gpt-4o\"", "os.environ[\"AZURE_OPENAI_API_KEY\"]");
    assertThat(browser.driver.findElement(By.id("code-js")).getText())
        .contains("new AzureOpenAI(", "deployment: \"gpt-4o\"");
    assertThat(browser.driver.findElement(By.id("code-java")).getText())
        .contains("AzureApiKeyCredential", ".model(\"gpt-4o\")");
    assertThat(browser.driver.getPageSource()).doesNotContain(server.key());
  }

  @Test
  void anIndexGroundsTheAnswerAndItsCitationsAreListed() {
    open();
    new Select(browser.driver.findElement(By.id("index")))
        .selectByValue(PlaygroundFixture.SERVICE + "/" + PlaygroundFixture.INDEX);
    assertThat(
            new Select(browser.driver.findElement(By.id("query_type")))
                .getFirstSelectedOption()
                .getDomAttribute("value"))
        .isEqualTo("simple");
    WebElement answer = send("How many days of paid holiday does an employee have?");
    await().until(d -> "true".equals(answer.getDomAttribute("data-done")));
    WebElement citation =
        await()
            .until(
                ExpectedConditions.presenceOfNestedElementLocatedBy(
                    answer, By.cssSelector(".citations li")));
    assertThat(citation.getText()).contains("Holiday policy");
    browser.driver.executeScript("window.scrollTo(0, 0)");
    browser.screenshot(SHOTS.resolve("playground.png"));
    browser.driver.findElement(By.cssSelector("#code-view summary")).click();
    assertThat(browser.driver.findElement(By.id("code-curl")).getText())
        .contains("data_sources", PlaygroundFixture.SERVICE + ".search.windows.net");
  }

  @Test
  void malformedToolsAreShownBeforeAnythingIsSent() {
    open();
    browser.driver.findElement(By.id("tools")).sendKeys("[{\"type\": ");
    browser.driver.findElement(By.id("prompt")).sendKeys("hello");
    browser.driver.findElement(By.id("send")).click();
    await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("tools-error"), "not valid JSON"));
    assertThat(browser.driver.findElements(By.cssSelector("#transcript .turn"))).isEmpty();
  }

  @Test
  void measuresTheWarmTimeToFirstRender() throws IOException {
    List<String> lines = new ArrayList<>();
    double dcl = 0;
    double load = 0;
    int runs = 5;
    open();
    for (int i = 0; i < runs; i++) {
      open();
      await()
          .until(
              d ->
                  ((Number)
                              browser.driver.executeScript(
                                  "return performance.getEntriesByType('navigation')[0]"
                                      + ".loadEventEnd;"))
                          .doubleValue()
                      > 0);
      @SuppressWarnings("unchecked")
      var values =
          (List<Object>)
              browser.driver.executeScript(
                  "const n = performance.getEntriesByType('navigation')[0];"
                      + "return [n.domContentLoadedEventEnd - n.responseStart,"
                      + " n.loadEventEnd - n.responseStart, n.responseStart];");
      dcl += ((Number) values.get(0)).doubleValue();
      load += ((Number) values.get(1)).doubleValue();
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "playground (warm, mean of %d): responseStart->domContentLoaded %.1f ms,"
                + " responseStart->loadEventEnd %.1f ms",
            runs,
            dcl / runs,
            load / runs));
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve("playground-timing.txt"), lines);
    lines.forEach(System.out::println);
    assertThat(dcl / runs).isLessThan(5_000);
  }
}
