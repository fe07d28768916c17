package dev.lazurite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description =
        "List and regenerate a resource's API keys (like az cognitiveservices account keys).",
    subcommands = {KeysCommand.ListKeys.class, KeysCommand.Regenerate.class})
final class KeysCommand {
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print {\"key1\", \"key2\"}.")
  static final class ListKeys implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      Output.print(
          spec.commandLine().getOut(), arm.send("POST", arm.accountPath() + "/listKeys", null));
      return 0;
    }
  }

  @Command(
      name = "regenerate",
      mixinStandardHelpOptions = true,
      description = "Replace key1 or key2; the old key stops working at once.")
  static final class Regenerate implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--key-name", required = true, description = "key1 or key2.")
    String keyName;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      var body = dev.lazurite.json.Json.MAPPER.createObjectNode().put("keyName", keyName);
      Output.print(
          spec.commandLine().getOut(),
          arm.send("POST", arm.accountPath() + "/regenerateKey", body));
      return 0;
    }
  }
}
