package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "List and regenerate a resource's API keys (az cognitiveservices account keys).",
    subcommands = {KeysCommand.ListKeys.class, KeysCommand.Regenerate.class})
final class KeysCommand {
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print {\"key1\", \"key2\"}.")
  static final class ListKeys extends AccountScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("POST", arm.accountPath() + "/listKeys", null);
    }
  }

  @Command(
      name = "regenerate",
      mixinStandardHelpOptions = true,
      description = "Replace key1 or key2; the old key stops working at once.")
  static final class Regenerate extends AccountScoped {
    @Option(names = "--key-name", required = true, description = "Key1 or Key2.")
    String keyName;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      var body = Json.MAPPER.createObjectNode().put("keyName", keyName);
      return arm.send("POST", arm.accountPath() + "/regenerateKey", body);
    }
  }
}
