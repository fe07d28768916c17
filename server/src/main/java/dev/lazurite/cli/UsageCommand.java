package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    description = "Requests and tokens per deployment, model and operation.")
final class UsageCommand extends AccountScoped {
  @Option(
      names = "--since",
      description = "ISO instant or a duration like PT1H or P1D; default: everything.")
  String since;

  @Option(
      names = "--live",
      description =
          "Tokens used this minute per deployment and quota used per model, from the enforcing counters.")
  boolean live;

  @Override
  JsonNode call(ArmClient arm) throws Exception {
    if (live) {
      return Output.values(arm.send("GET", arm.accountPath() + "/usages", null));
    }
    String query = "";
    if (since != null) {
      Instant from =
          since.startsWith("P") ? Instant.now().minus(Duration.parse(since)) : Instant.parse(since);
      query = "?since=" + from;
    }
    return Output.values(arm.send("GET", arm.accountPath() + "/usageSummary" + query, null));
  }
}
