package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Create, list, show and delete resources (like az cognitiveservices account).",
    subcommands = {
      AccountCommand.Create.class,
      AccountCommand.ListAccounts.class,
      AccountCommand.Show.class,
      AccountCommand.Update.class,
      AccountCommand.Delete.class,
      AccountCatalogCommands.ListDeleted.class,
      AccountCatalogCommands.ShowDeleted.class,
      AccountCatalogCommands.Recover.class,
      AccountCatalogCommands.Purge.class,
      AccountCatalogCommands.ListModels.class,
      AccountCatalogCommands.ListSkus.class,
      AccountCatalogCommands.ListKinds.class,
      AccountCatalogCommands.ListUsage.class
    })
final class AccountCommand {
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a resource with two new keys.")
  static final class Create extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        required = true)
    String name;

    @Option(
        names = {"--location", "-l"},
        defaultValue = "eastus")
    String location;

    @Option(names = "--kind", defaultValue = "OpenAI")
    String kind;

    @Option(names = "--sku", defaultValue = "S0")
    String sku;

    @Override
    void configure(ClientOptions options) {
      options.account = name;
    }

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode().put("kind", kind).put("location", location);
      body.putObject("sku").put("name", sku);
      body.putObject("properties");
      return arm.send("PUT", arm.accountPath(), body);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List resources in the resource group.")
  static final class ListAccounts extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", arm.resourceGroupPath(), null));
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a resource.")
  static final class Show extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", arm.accountPath(), null);
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a resource and its deployments.")
  static final class Delete extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", arm.accountPath(), null);
      return null;
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Change a resource's settings.")
  static final class Update extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        description = "Resource name; default: the server's default resource.")
    String name;

    @Option(
        names = "--disable-local-auth",
        arity = "1",
        description = "true: refuse API keys, accept only tokens.")
    Boolean disableLocalAuth;

    @Option(names = "--public-network-access", description = "Enabled or Disabled.")
    String publicNetworkAccess;

    @Option(
        names = "--default-action",
        description = "Allow or Deny: what the IP rules do not match.")
    String defaultAction;

    @Option(
        names = "--ip-rules",
        split = ",",
        description = "Addresses or CIDR ranges allowed when the default is Deny.")
    java.util.List<String> ipRules;

    @Override
    void configure(ClientOptions options) {
      if (name != null) {
        options.account = name;
      }
    }

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode properties = Json.MAPPER.createObjectNode();
      if (disableLocalAuth != null) {
        properties.put("disableLocalAuth", disableLocalAuth);
      }
      if (publicNetworkAccess != null) {
        properties.put("publicNetworkAccess", publicNetworkAccess);
      }
      if (defaultAction != null || ipRules != null) {
        ObjectNode acls = properties.putObject("networkAcls");
        if (defaultAction != null) {
          acls.put("defaultAction", defaultAction);
        }
        if (ipRules != null) {
          var rules = acls.putArray("ipRules");
          ipRules.forEach(r -> rules.addObject().put("value", r));
        }
      }
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.set("properties", properties);
      return arm.send("PATCH", arm.accountPath(), body);
    }
  }
}
