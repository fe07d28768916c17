package dev.lazurite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Create, list, show and delete resources (like az cognitiveservices account).",
    subcommands = {
      AccountCommand.Create.class,
      AccountCommand.ListAccounts.class,
      AccountCommand.Show.class,
      AccountCommand.Delete.class
    })
final class AccountCommand {
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a resource with two new keys.")
  static final class Create implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

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
    public Integer call() throws Exception {
      client.account = name;
      ArmClient arm = client.client();
      ObjectNode body = Json.MAPPER.createObjectNode().put("kind", kind).put("location", location);
      body.putObject("sku").put("name", sku);
      body.putObject("properties");
      Output.print(spec.commandLine().getOut(), arm.send("PUT", arm.accountPath(), body));
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List resources in the resource group.")
  static final class ListAccounts implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      Output.print(
          spec.commandLine().getOut(),
          Output.values(arm.send("GET", arm.resourceGroupPath(), null)));
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a resource.")
  static final class Show implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      Output.print(spec.commandLine().getOut(), arm.send("GET", arm.accountPath(), null));
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a resource and its deployments.")
  static final class Delete implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      arm.send("DELETE", arm.accountPath(), null);
      return 0;
    }
  }
}
