package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lazurite.json.Json;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code account list-deleted}, {@code show-deleted}, {@code recover}, {@code purge}, {@code
 * list-models}, {@code list-skus}, {@code list-kinds} and {@code list-usage}, with az's flags and
 * output.
 */
final class AccountCatalogCommands {
  private AccountCatalogCommands() {}

  /** {@code /subscriptions/{s}/providers/Microsoft.CognitiveServices} of the client. */
  static String provider(ArmClient arm) {
    String[] parts = arm.resourceGroupPath().split("/");
    return "/subscriptions/" + parts[2] + "/providers/Microsoft.CognitiveServices";
  }

  /** The resource group the client addresses. */
  static String resourceGroup(ArmClient arm) {
    return arm.resourceGroupPath().split("/")[4];
  }

  /** A command about one account, named with az's {@code -n/--name}. */
  abstract static class AccountScoped extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        description = "Resource name; default: the server's default resource.")
    String name;

    @Override
    void configure(ClientOptions options) {
      if (name != null) {
        options.account = name;
      }
    }
  }

  /** A soft-deleted account, named as az names it: location, resource group and name. */
  abstract static class DeletedScoped extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        required = true)
    String name;

    @Option(
        names = {"--location", "-l"},
        required = true)
    String location;

    @Override
    void configure(ClientOptions options) {
      options.account = name;
    }

    String path(ArmClient arm) {
      return provider(arm)
          + "/locations/"
          + ArmClient.encode(location)
          + "/resourceGroups/"
          + ArmClient.encode(resourceGroup(arm))
          + "/deletedAccounts/"
          + ArmClient.encode(name);
    }
  }

  @Command(
      name = "list-deleted",
      mixinStandardHelpOptions = true,
      description = "List soft-deleted resources of the subscription.")
  static final class ListDeleted extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", provider(arm) + "/deletedAccounts", null));
    }
  }

  @Command(
      name = "show-deleted",
      mixinStandardHelpOptions = true,
      description = "Show a soft-deleted resource.")
  static final class ShowDeleted extends DeletedScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", path(arm), null);
    }
  }

  @Command(
      name = "recover",
      mixinStandardHelpOptions = true,
      description = "Restore a soft-deleted resource with its keys and deployments.")
  static final class Recover extends DeletedScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      JsonNode deleted = arm.send("GET", path(arm), null);
      var body = Json.MAPPER.createObjectNode();
      body.put("location", deleted.path("location").asText());
      body.put("kind", deleted.path("kind").asText());
      body.set("sku", deleted.path("sku"));
      body.putObject("properties").put("restore", true);
      return arm.send("PUT", arm.accountPath(), body);
    }
  }

  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      description = "Purge a soft-deleted resource; it can no longer be restored.")
  static final class Purge extends DeletedScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", path(arm), null);
      return null;
    }
  }

  @Command(
      name = "list-models",
      mixinStandardHelpOptions = true,
      description = "List the models a resource can deploy.")
  static final class ListModels extends AccountScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", arm.accountPath() + "/models", null));
    }
  }

  @Command(
      name = "list-usage",
      mixinStandardHelpOptions = true,
      description = "List a resource's usages and quota.")
  static final class ListUsage extends AccountScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", arm.accountPath() + "/usages", null));
    }
  }

  @Command(
      name = "list-skus",
      mixinStandardHelpOptions = true,
      description =
          "List the SKUs of a kind and location, or with --name those a resource may change to.")
  static final class ListSkus extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        description = "A resource: list the SKUs it may change to.")
    String name;

    @Option(names = "--kind")
    String kind;

    @Option(names = {"--location", "-l"})
    String location;

    @Override
    void configure(ClientOptions options) {
      if (name != null) {
        options.account = name;
      }
    }

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      if (name != null) {
        return Output.values(arm.send("GET", arm.accountPath() + "/skus", null));
      }
      ArrayNode matching = Json.MAPPER.createArrayNode();
      for (JsonNode sku : Output.values(arm.send("GET", provider(arm) + "/skus", null))) {
        boolean kindMatches = kind == null || sku.path("kind").asText().equals(kind);
        boolean locationMatches =
            location == null || containsIgnoringCase(sku.path("locations"), location);
        if (kindMatches && locationMatches) {
          matching.add(sku);
        }
      }
      return matching;
    }

    private static boolean containsIgnoringCase(JsonNode values, String wanted) {
      for (JsonNode value : values) {
        if (value.asText().equalsIgnoreCase(wanted)) {
          return true;
        }
      }
      return false;
    }
  }

  @Command(
      name = "list-kinds",
      mixinStandardHelpOptions = true,
      description = "List the kinds of resource that can be created.")
  static final class ListKinds extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      TreeSet<String> kinds = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      Output.values(arm.send("GET", provider(arm) + "/skus", null))
          .forEach(sku -> kinds.add(sku.path("kind").asText()));
      ArrayNode out = Json.MAPPER.createArrayNode();
      kinds.forEach(k -> out.add(k));
      return out;
    }
  }
}
