package dev.lazurite.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    description = "Requests and tokens per deployment, model and operation.")
final class UsageCommand implements Callable<Integer> {
  @Mixin ClientOptions client;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--since",
      description = "ISO instant or a duration like PT1H or P1D; default: everything.")
  String since;

  @Override
  public Integer call() throws Exception {
    ArmClient arm = client.client();
    String query = "";
    if (since != null) {
      Instant from =
          since.startsWith("P") ? Instant.now().minus(Duration.parse(since)) : Instant.parse(since);
      query = "?since=" + from;
    }
    Output.print(
        spec.commandLine().getOut(),
        Output.values(arm.send("GET", arm.accountPath() + "/usageSummary" + query, null)));
    return 0;
  }
}
