package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.Bootstrap;
import dev.lazurite.testing.TestingServer;
import dev.lazurite.testing.TestingSignIn;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Users sign in to the portal in a real Chromium with their organisation account (authorization
 * code with PKCE): what they see and may change follows their role assignments. Takes screenshots
 * of the sign-in pages (under {@code target/portal-screenshots}).
 */
class PortalSignInBrowserTest {
  private static final Path SHOTS = Path.of("target", "portal-screenshots");
  private static final String BASE =
      "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/" + Bootstrap.DEFAULT_ACCOUNT;

  private static TestingServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
    server = TestingServer.start();
    var users = new TestingSignIn(server);
    String scope =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/"
            + Bootstrap.DEFAULT_RESOURCE_GROUP
            + "/providers/Microsoft.CognitiveServices/accounts/"
            + Bootstrap.DEFAULT_ACCOUNT;
    String reader =
        users
            .createUser("olga@contoso.example", "Olga Reader", "olga's long password")
            .get("objectId")
            .asText();
    String contributor =
        users
            .createUser("carl@contoso.example", "Carl Contributor", "carl's long password")
            .get("objectId")
            .asText();
    var control = server.server().control();
    control.assignRole(
        UUID.randomUUID().toString(), reader, "Cognitive Services OpenAI User", scope);
    control.assignRole(
        UUID.randomUUID().toString(), contributor, "Cognitive Services Contributor", scope);
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

  private static void signIn(String user, String password, String shots) {
    var driver = browser.driver;
    driver.get(server.endpoint() + "/portal/resources");
    await().until(ExpectedConditions.urlContains("/portal/sign-in"));
    if (shots != null) {
      browser.screenshot(SHOTS.resolve(shots + ".png"));
    }
    driver.findElement(By.id("organisation-sign-in")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertThat(driver.getCurrentUrl()).contains("/oauth2/v2.0/authorize");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    if (shots != null) {
      browser.screenshot(SHOTS.resolve(shots + "-organisation.png"));
    }
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    await().until(ExpectedConditions.urlContains("/portal/resources"));
  }

  private static void signOut() {
    browser.driver.findElement(By.cssSelector("form.who button")).click();
    await().until(ExpectedConditions.urlContains("/portal/sign-in"));
  }

  @Test
  void anOpenAiUserSeesDeploymentsButIsRefusedCreatingOne() {
    var driver = browser.driver;
    driver.get(server.endpoint() + "/portal/sign-in");
    driver.findElement(By.id("organisation-sign-in")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys("olga@contoso.example");
    driver.findElement(By.id("password")).sendKeys("not her password");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=alert]"), "Your account or password is incorrect."));
    assertThat(driver.getCurrentUrl()).contains("/oauth2/v2.0/authorize");

    signIn("olga@contoso.example", "olga's long password", "sign-in");
    assertThat(driver.findElement(By.cssSelector("form.who span")).getText())
        .isEqualTo("Olga Reader");
    driver.findElement(By.linkText(Bootstrap.DEFAULT_ACCOUNT)).click();
    await().until(ExpectedConditions.urlContains(BASE));
    driver.get(server.endpoint() + BASE + "/deployments");
    await().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    assertThat(driver.findElements(By.id("create-deployment"))).isEmpty();

    // The form is not offered; a crafted one, with the session's CSRF token, is refused.
    driver.executeScript(
        "const f = document.createElement('form');"
            + "f.method = 'post'; f.action = arguments[0];"
            + "for (const [n, v] of [['_csrf', document.querySelector('input[name=_csrf]').value],"
            + " ['name', 'olga-x'], ['model', 'gpt-4o@2024-11-20'], ['sku', 'Standard'],"
            + " ['capacity', '1']]) {"
            + "  const i = document.createElement('input'); i.type = 'hidden'; i.name = n;"
            + "  i.value = v; f.appendChild(i); }"
            + "document.body.appendChild(f); f.submit();",
        BASE + "/deployments");
    await()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Error 403"));
    assertThat(server.server().store().deployments(Bootstrap.DEFAULT_ACCOUNT))
        .noneMatch(d -> d.name().equals("olga-x"));
    driver.get(server.endpoint() + "/portal/resources");
    signOut();

    signIn("carl@contoso.example", "carl's long password", null);
    driver.get(server.endpoint() + BASE + "/deployments");
    driver.findElement(By.id("name")).sendKeys("carl-chat");
    driver.findElement(By.cssSelector("#model option[value='gpt-4o@2024-11-20']")).click();
    driver.findElement(By.id("create-deployment")).click();
    await()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-deployment='carl-chat']")));
    signOut();
  }
}
