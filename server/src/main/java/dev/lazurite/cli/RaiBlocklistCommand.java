package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "rai-blocklist",
    mixinStandardHelpOptions = true,
    description = "Custom blocklists of exact terms and regular expressions.",
    subcommands = {
      RaiBlocklistCommand.Create.class,
      RaiBlocklistCommand.AddItem.class,
      RaiBlocklistCommand.ListBlocklists.class
    })
final class RaiBlocklistCommand {
  static String path(ArmClient arm, String name) {
    return arm.accountPath()
        + "/raiBlocklists"
        + (name == null ? "" : "/" + ArmClient.encode(name));
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a blocklist.")
  static final class Create extends ArmCommand {
    @Option(names = "--name", required = true, description = "Blocklist name.")
    String name;

    @Option(names = "--description", description = "What it is for.")
    String description = "";

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.putObject("properties").put("description", description);
      return arm.send("PUT", path(arm, name), body);
    }
  }

  @Command(
      name = "add-item",
      mixinStandardHelpOptions = true,
      description = "Add (or replace) a term or regular expression.")
  static final class AddItem extends ArmCommand {
    @Option(names = "--name", required = true, description = "Blocklist name.")
    String name;

    @Option(names = "--item", required = true, description = "Item name.")
    String item;

    @Option(names = "--pattern", required = true, description = "The term or regex.")
    String pattern;

    @Option(names = "--regex", description = "Treat the pattern as a regular expression.")
    boolean regex;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.putObject("properties").put("pattern", pattern).put("isRegex", regex);
      return arm.send(
          "PUT", path(arm, name) + "/raiBlocklistItems/" + ArmClient.encode(item), body);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the blocklists, or with --name the items of one.")
  static final class ListBlocklists extends ArmCommand {
    @Option(names = "--name", description = "Blocklist whose items to list.")
    String name;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      String path = name == null ? path(arm, null) : path(arm, name) + "/raiBlocklistItems";
      return arm.send("GET", path, null).path("value");
    }
  }
}
