package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Create and manage search services (Azure AI Search-compatible; like az search service).",
    subcommands = {
      SearchCommand.Create.class,
      SearchCommand.Show.class,
      SearchCommand.ListServices.class,
      SearchCommand.Delete.class,
      SearchCommand.Keys.class,
      SearchCommand.QueryKey.class
    })
final class SearchCommand {
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a search service; prints it with its endpoint.")
  static final class Create extends ArmCommand {
    @Option(
        names = {"--name", "-n", "--service-name"},
        required = true,
        description = "The service name.")
    String name;

    @Option(names = "--location", description = "Its location (default: local).")
    String location = "local";

    @Option(names = "--sku", description = "Its SKU (default: basic).")
    String sku = "basic";

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      var body = Json.MAPPER.createObjectNode().put("location", location);
      body.putObject("sku").put("name", sku);
      return arm.send("PUT", arm.searchPath(name), body);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a search service.")
  static final class Show extends ArmCommand {
    @Option(
        names = {"--name", "-n", "--service-name"},
        required = true,
        description = "The service name.")
    String name;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", arm.searchPath(name), null);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the search services of the resource group.")
  static final class ListServices extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", arm.searchPath(null), null).path("value");
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a search service and its indexes.")
  static final class Delete extends ArmCommand {
    @Option(
        names = {"--name", "-n", "--service-name"},
        required = true,
        description = "The service name.")
    String name;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", arm.searchPath(name), null);
      return null;
    }
  }

  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "List or regenerate a search service's admin keys.",
      subcommands = {Keys.ListKeys.class, Keys.Regenerate.class})
  static final class Keys {
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Print {\"primaryKey\", \"secondaryKey\"}.")
    static final class ListKeys extends ArmCommand {
      @Option(
          names = {"--name", "-n", "--service-name"},
          required = true,
          description = "The service name.")
      String name;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return arm.send("POST", arm.searchPath(name) + "/listAdminKeys", null);
      }
    }

    @Command(
        name = "regenerate",
        mixinStandardHelpOptions = true,
        description = "Replace the primary or secondary admin key.")
    static final class Regenerate extends ArmCommand {
      @Option(
          names = {"--name", "-n", "--service-name"},
          required = true,
          description = "The service name.")
      String name;

      @Option(names = "--key-kind", required = true, description = "primary or secondary.")
      String kind;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return arm.send("POST", arm.searchPath(name) + "/regenerateAdminKey/" + kind, null);
      }
    }
  }

  @Command(
      name = "query-key",
      mixinStandardHelpOptions = true,
      description = "List a search service's query (read-only) keys.",
      subcommands = {QueryKey.ListKeys.class})
  static final class QueryKey {
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Print [{\"name\", \"key\"}].")
    static final class ListKeys extends ArmCommand {
      @Option(
          names = {"--name", "-n", "--service-name"},
          required = true,
          description = "The service name.")
      String name;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return arm.send("POST", arm.searchPath(name) + "/listQueryKeys", null).path("value");
      }
    }
  }
}
