package dev.lazurite.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Azure's quota arithmetic, 429 body and headers, against a real server. */
class QuotaTest {
  static String path(String deployment) {
    return "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21";
  }

  static String chat(int maxTokens) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":"
        + maxTokens
        + "}";
  }

  static void deploy(TestingServer server, String name, int capacity) {
    server.deploy(
        new DeploymentRequest(name, "gpt-4o", "", "Standard", capacity, "", "", Optional.empty()));
  }

  @Test
  void derivesLimitsFromCapacityAsAzureDoes() {
    assertThat(RateLimits.of(new Deployment.Sku("Standard", 1)).orElseThrow())
        .isEqualTo(new RateLimits(1_000, 1));
    RateLimits hundred = RateLimits.of(new Deployment.Sku("GlobalStandard", 100)).orElseThrow();
    assertThat(hundred.tokensPerMinute()).isEqualTo(100_000);
    assertThat(hundred.requestsPerMinute()).isEqualTo(600);
    assertThat(RateLimits.of(new Deployment.Sku("ProvisionedManaged", 50))).isEmpty();
  }

  @Test
  void everyAnswerCarriesTheRateLimitHeadersAndTheEstimateCountsMaxTokens() {
    try (TestingServer server = TestingServer.start()) {
      deploy(server, "small", 2);
      var first = server.http().post(path("small"), chat(100));
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.header("x-ratelimit-limit-requests")).isEqualTo("2");
      assertThat(first.header("x-ratelimit-limit-tokens")).isEqualTo("2000");
      assertThat(first.header("x-ratelimit-remaining-requests")).isEqualTo("1");
      // "Hello" is 8 prompt tokens; 100 are reserved for the answer until it is settled.
      assertThat(first.header("x-ratelimit-remaining-tokens")).isEqualTo("1892");
    }
  }

  @Test
  void answersTheCallRateLimitWithAzures429AndRetryAfter() {
    try (TestingServer server = TestingServer.start()) {
      deploy(server, "small", 2);
      TestingHttp http = server.http();
      assertThat(http.post(path("small"), chat(10)).status()).isEqualTo(200);
      assertThat(http.post(path("small"), chat(10)).status()).isEqualTo(200);
      var throttled = http.post(path("small"), chat(10));
      assertThat(throttled.status()).isEqualTo(429);
      long seconds = Long.parseLong(throttled.header("retry-after"));
      assertThat(seconds).isBetween(1L, 10L);
      assertThat(Long.parseLong(throttled.header("retry-after-ms"))).isBetween(1L, 10_000L);
      assertThat(throttled.body())
          .isEqualTo(
              "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation under Azure"
                  + " OpenAI API version 2024-10-21 have exceeded call rate limit of your current OpenAI S0 pricing tier."
                  + " Please retry after "
                  + seconds
                  + " seconds. Please go here: https://aka.ms/oai/quotaincrease if you"
                  + " would like to further increase the default rate limit.\"}}");
      assertThat(throttled.header("x-ratelimit-remaining-requests")).isEqualTo("0");
      assertThat(throttled.header("apim-request-id")).isNotEmpty();
    }
  }

  @Test
  void answersTheTokenRateLimitWhenTheEstimateDoesNotFit() {
    try (TestingServer server = TestingServer.start()) {
      deploy(server, "tokens", 5);
      TestingHttp http = server.http();
      var first = http.post(path("tokens"), chat(4000));
      assertThat(first.status()).isEqualTo(200);
      // Settled to its real usage, the first request leaves 5000 - 8 - completion tokens.
      long left = 5000 - 8 - first.json().at("/usage/completion_tokens").asLong();
      // The bucket refills continuously (5,000 a minute, ~83 a second): ask for well beyond that.
      var throttled = http.post(path("tokens"), chat((int) (left - 8 + 300)));
      assertThat(throttled.status()).as("more than is left").isEqualTo(429);
      assertThat(throttled.json().at("/error/message").asText())
          .contains("have exceeded token rate limit");
      assertThat(http.post(path("tokens"), chat(6000)).status())
          .as("larger than a minute's quota")
          .isEqualTo(429);
    }
  }

  @Test
  void settlesToRealUsageSoUnusedReservationsComeBackStreamedOrNot() {
    try (TestingServer server = TestingServer.start()) {
      deploy(server, "settle", 5);
      TestingHttp http = server.http();
      // The simulator answers 20 to 60 tokens, so most of each 2,400-token reservation returns.
      assertThat(http.post(path("settle"), chat(2400)).status()).isEqualTo(200);
      assertThat(http.post(path("settle"), chat(2400).replace("}", ",\"stream\":true}")).status())
          .isEqualTo(200);
      var third = http.post(path("settle"), chat(2400));
      assertThat(third.status()).as("fits only because the first two were settled").isEqualTo(200);
      long remaining = Long.parseLong(third.header("x-ratelimit-remaining-tokens"));
      // Plus what refilled meanwhile (5,000 a minute: allow up to twelve seconds of it).
      assertThat(remaining)
          .isBetween(5000L - 2408 - 2 * (8 + 60), 5000L - 2408 - 2 * (8 + 20) + 1000);
    }
  }

  @Test
  void provisionedDeploymentsAreNotRateLimitedPerMinute() {
    try (TestingServer server = TestingServer.start()) {
      server.deploy(
          new DeploymentRequest(
              "ptu", "gpt-4o", "", "ProvisionedManaged", 1, "", "", Optional.empty()));
      for (int i = 0; i < 5; i++) {
        assertThat(server.http().post(path("ptu"), chat(2000)).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void theUsagesRouteReportsTheEnforcingCounterAndSubscriptionQuota() {
    try (TestingServer server = TestingServer.start()) {
      deploy(server, "metered", 3);
      assertThat(server.http().post(path("metered"), chat(100)).status()).isEqualTo(200);
      String usages =
          "/subscriptions/"
              + server.server().subscriptionId()
              + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite/usages?api-version=2024-10-01";
      var result =
          server
              .http()
              .send("GET", usages, null, "Authorization", "Bearer " + server.server().adminToken());
      var deployment =
          result.json().get("value").findParents("name").stream()
              .filter(u -> u.at("/name/value").asText().equals("OpenAI.Deployment.metered.Tokens"))
              .findFirst()
              .orElseThrow();
      assertThat(deployment.get("limit").asLong()).isEqualTo(3000);
      // 8 prompt + 20 to 60 answer tokens, less what refilled since (3,000 a minute).
      assertThat(deployment.get("currentValue").asLong()).isBetween(1L, 68L);
      var quota =
          result.json().get("value").findParents("name").stream()
              .filter(u -> u.at("/name/value").asText().equals("OpenAI.Standard.gpt-4o"))
              .findFirst()
              .orElseThrow();
      assertThat(quota.get("currentValue").asInt()).isEqualTo(3);
      assertThat(quota.get("limit").asInt()).isEqualTo(1000);
      assertThat(quota.at("/name/localizedValue").asText())
          .isEqualTo("Tokens Per Minute (thousands) - gpt-4o - Standard");
    }
  }

  @Test
  void deploymentsBeyondTheSubscriptionQuotaFailWithInsufficientQuota() {
    try (TestingServer server = TestingServer.start()) {
      deploy(server, "big", 900);
      String deployments =
          "/subscriptions/"
              + server.server().subscriptionId()
              + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite/deployments/";
      String admin = "Bearer " + server.server().adminToken();
      var refused =
          server
              .http()
              .send(
                  "PUT",
                  deployments + "bigger?api-version=2024-10-01",
                  "{\"sku\":{\"name\":\"Standard\",\"capacity\":200},\"properties\":{\"model\":{\"name\":\"gpt-4o\"}}}",
                  "Authorization",
                  admin);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body())
          .isEqualTo(
              "{\"error\":{\"code\":\"InsufficientQuota\",\"message\":\"This operation require 200 new capacity in quota"
                  + " Tokens Per Minute (thousands) - gpt-4o - Standard, which is bigger than the current available capacity 100."
                  + " The current quota usage is 900 and the quota limit is 1000 for quota Tokens Per Minute (thousands) - gpt-4o -"
                  + " Standard.\"}}");
      var resized =
          server
              .http()
              .send(
                  "PUT",
                  deployments + "big?api-version=2024-10-01",
                  "{\"sku\":{\"name\":\"Standard\",\"capacity\":1000},\"properties\":{\"model\":{\"name\":\"gpt-4o\"}}}",
                  "Authorization",
                  admin);
      assertThat(resized.status()).as("resizing counts only the difference").isEqualTo(200);
      assertThat(server.http().post(path("big"), chat(10)).header("x-ratelimit-limit-tokens"))
          .isEqualTo("1000000");
    }
  }
}
