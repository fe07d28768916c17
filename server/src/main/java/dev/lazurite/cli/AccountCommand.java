package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description =
        "Create, list, show, update and delete resources (az cognitiveservices account, with its"
            + " flags).",
    subcommands = {
      AccountCommand.Create.class,
      AccountCommand.ListAccounts.class,
      AccountCommand.Show.class,
      AccountCommand.Update.class,
      AccountCommand.Delete.class,
      KeysCommand.class,
      NetworkRuleCommand.class,
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
      description = "Create a resource with two new keys, in a resource group that exists.")
  static final class Create extends AccountScoped {
    @Option(
        names = {"--location", "-l"},
        description = "Location, e.g. eastus; default: the resource group's.")
    String location;

    @Option(names = "--kind", defaultValue = "OpenAI", description = "Kind (default OpenAI).")
    String kind;

    @Option(
        names = {"--sku", "--sku-name"},
        defaultValue = "S0",
        description = "SKU (default S0).")
    String sku;

    @Option(names = "--custom-domain", description = "Custom subdomain name of the endpoint.")
    String customDomain;

    @Option(names = "--tags", arity = "0..*", description = "Space-separated tags: key[=value].")
    List<String> tags;

    @Option(names = "--assign-identity", description = "Give the resource a managed identity.")
    boolean assignIdentity;

    @Option(names = "--yes", description = "Do not prompt for terms (there are none to accept).")
    boolean yes;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      requireName();
      String where =
          location != null
              ? location
              : arm.send("GET", arm.groupPath(), null).path("location").asText("eastus");
      ObjectNode body = Json.MAPPER.createObjectNode().put("kind", kind).put("location", where);
      body.putObject("sku").put("name", sku);
      Tags.put(body, tags);
      if (assignIdentity) {
        body.putObject("identity").put("type", "SystemAssigned");
      }
      ObjectNode properties = body.putObject("properties");
      if (customDomain != null) {
        properties.put("customSubDomainName", customDomain);
      }
      return arm.send("PUT", arm.accountPath(), body);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the resources of a resource group, or without -g of the subscription.")
  static final class ListAccounts extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      String path =
          client.resourceGroup != null ? arm.resourceGroupPath() : arm.subscriptionAccountsPath();
      return Output.values(arm.send("GET", path, null));
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a resource.")
  static final class Show extends AccountScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", arm.accountPath(), null);
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a resource and its deployments.")
  static final class Delete extends AccountScoped {
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
  static final class Update extends AccountScoped {
    @Option(
        names = {"--sku", "--sku-name"},
        description = "SKU.")
    String sku;

    @Option(names = "--custom-domain", description = "Custom subdomain name of the endpoint.")
    String customDomain;

    @Option(names = "--tags", arity = "0..*", description = "Space-separated tags: key[=value].")
    List<String> tags;

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
    List<String> ipRules;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode properties = Json.MAPPER.createObjectNode();
      if (disableLocalAuth != null) {
        properties.put("disableLocalAuth", disableLocalAuth);
      }
      if (publicNetworkAccess != null) {
        properties.put("publicNetworkAccess", publicNetworkAccess);
      }
      if (customDomain != null) {
        properties.put("customSubDomainName", customDomain);
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
      if (sku != null) {
        body.putObject("sku").put("name", sku);
      }
      Tags.put(body, tags);
      body.set("properties", properties);
      return arm.send("PATCH", arm.accountPath(), body);
    }
  }
}
