package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "backend",
    mixinStandardHelpOptions = true,
    description = "Backends that deployments pool, with region, priority and weight.",
    subcommands = {
      BackendCommand.Create.class,
      BackendCommand.ListAll.class,
      BackendCommand.Delete.class
    })
final class BackendCommand {
  static String path(ArmClient arm) {
    return arm.accountPath() + "/backends";
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create or replace a backend.")
  static final class Create extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        required = true)
    String name;

    @Option(
        names = "--kind",
        defaultValue = "simulator",
        description = "simulator or openai-compatible.")
    String kind;

    @Option(names = "--url", description = "Upstream base URL (openai-compatible).")
    String url;

    @Option(
        names = "--region",
        description = "Azure region the backend runs in; default: the resource's.")
    String region;

    @Option(names = "--priority", defaultValue = "1", description = "Lower is tried first.")
    int priority;

    @Option(
        names = "--weight",
        defaultValue = "1",
        description = "Share of traffic among equal priorities.")
    int weight;

    @Option(
        names = "--api-key-env",
        description = "Environment variable (on the server) holding the upstream key.")
    String apiKeyEnv;

    @Option(names = "--upstream-model", description = "Model name the upstream knows.")
    String upstreamModel;

    @Option(
        names = "--fault-429",
        defaultValue = "0",
        description = "Share of requests answered 429 (testing).")
    double fault429;

    @Option(
        names = "--fault-500",
        defaultValue = "0",
        description = "Share of requests answered 500 (testing).")
    double fault500;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      ObjectNode properties = body.putObject("properties");
      ObjectNode backend = properties.putObject("backend").put("kind", kind);
      if (url != null) {
        backend.put("url", url);
      }
      if (upstreamModel != null) {
        backend.put("upstreamModel", upstreamModel);
      }
      if (apiKeyEnv != null) {
        backend.put("apiKeyEnv", apiKeyEnv);
      }
      if (region != null) {
        properties.put("region", region);
      }
      properties.put("priority", priority).put("weight", weight);
      if (fault429 > 0 || fault500 > 0) {
        properties.putObject("faults").put("rate429", fault429).put("rate500", fault500);
      }
      return arm.send("PUT", path(arm) + "/" + ArmClient.encode(name), body);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true)
  static final class ListAll extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", path(arm), null));
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true)
  static final class Delete extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        required = true)
    String name;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", path(arm) + "/" + ArmClient.encode(name), null);
      return null;
    }
  }
}
