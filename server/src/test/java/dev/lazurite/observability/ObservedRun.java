package dev.lazurite.observability;

import dev.lazurite.control.Bootstrap;
import dev.lazurite.metering.UsageRecord;
import dev.lazurite.testing.TestingServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A scripted run of data-plane calls and what the store recorded of it. */
final class ObservedRun {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String COMPLETIONS =
      "/openai/deployments/gpt-35-turbo/completions?api-version=2024-10-21";

  private ObservedRun() {}

  /** Plain and streamed chat, a legacy completion, a bad key and an unknown deployment. */
  static void script(TestingServer server) {
    var http = server.http();
    for (int i = 0; i < 3; i++) {
      http.post(CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello " + i + "\"}]}");
    }
    for (int i = 0; i < 2; i++) {
      http.post(
          CHAT,
          "{\"messages\":[{\"role\":\"user\",\"content\":\"Stream\"}],\"stream\":true,"
              + "\"max_tokens\":6}");
    }
    http.post(COMPLETIONS, "{\"prompt\":\"Once\",\"max_tokens\":4}");
    http.send("POST", CHAT, "{\"messages\":[]}", "api-key", "wrong");
    http.post(
        "/openai/deployments/missing/chat/completions?api-version=2024-10-21",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    server.server().flushUsage();
  }

  static String resourceId(TestingServer server) {
    return "/subscriptions/"
        + server.server().subscriptionId()
        + "/resourceGroups/"
        + Bootstrap.DEFAULT_RESOURCE_GROUP
        + "/providers/Microsoft.CognitiveServices/accounts/"
        + Bootstrap.DEFAULT_ACCOUNT;
  }

  /** Every usage row: the default account's and those of requests refused before an account. */
  static List<UsageRecord> rows(TestingServer server) {
    List<UsageRecord> rows = new ArrayList<>();
    for (String account : List.of(Bootstrap.DEFAULT_ACCOUNT, "")) {
      server
          .server()
          .store()
          .scan(account, Instant.EPOCH, Instant.now().plusSeconds(60), rows::add);
    }
    return rows;
  }
}
