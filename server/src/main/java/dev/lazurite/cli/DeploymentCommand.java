package dev.lazurite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "deployment",
    mixinStandardHelpOptions = true,
    description =
        "Create, list, show and delete deployments (like az cognitiveservices account deployment).",
    subcommands = {
      DeploymentCommand.Create.class,
      DeploymentCommand.ListDeployments.class,
      DeploymentCommand.Show.class,
      DeploymentCommand.Delete.class
    })
final class DeploymentCommand {
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create or update a deployment.")
  static final class Create implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"--name", "-n", "--deployment-name"},
        required = true,
        description = "Deployment name.")
    String name;

    @Option(names = "--model-name", required = true, description = "Model, e.g. gpt-4o.")
    String modelName;

    @Option(names = "--model-version", description = "Model version; default: the model's default.")
    String modelVersion;

    @Option(
        names = "--model-format",
        defaultValue = "OpenAI",
        description = "Model format (default OpenAI).")
    String modelFormat;

    @Option(
        names = "--sku-name",
        defaultValue = "Standard",
        description =
            "Standard, GlobalStandard, DataZoneStandard, GlobalBatch, ProvisionedManaged …")
    String skuName;

    @Option(
        names = "--sku-capacity",
        defaultValue = "1",
        description = "Capacity (thousands of tokens per minute for Standard types).")
    int capacity;

    @Option(
        names = "--backend",
        description = "simulator, embedded or openai-compatible; default: by model.")
    String backend;

    @Option(
        names = "--backend-url",
        description = "Base URL of an openai-compatible upstream, e.g. http://localhost:8000/v1.")
    String backendUrl;

    @Option(names = "--upstream-model", description = "Model name the upstream knows.")
    String upstreamModel;

    @Option(
        names = "--api-key-env",
        description = "Environment variable (on the server) holding the upstream key.")
    String apiKeyEnv;

    @Option(names = "--rai-policy", description = "Content filter policy name.")
    String raiPolicy;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.putObject("sku").put("name", skuName).put("capacity", capacity);
      ObjectNode properties = body.putObject("properties");
      ObjectNode model =
          properties.putObject("model").put("format", modelFormat).put("name", modelName);
      if (modelVersion != null) {
        model.put("version", modelVersion);
      }
      if (raiPolicy != null) {
        properties.put("raiPolicyName", raiPolicy);
      }
      if (backend != null || backendUrl != null) {
        ObjectNode b = properties.putObject("backend");
        b.put("kind", backend != null ? backend : "openai-compatible");
        if (backendUrl != null) {
          b.put("url", backendUrl);
        }
        if (upstreamModel != null) {
          b.put("upstreamModel", upstreamModel);
        }
        if (apiKeyEnv != null) {
          b.put("apiKeyEnv", apiKeyEnv);
        }
      }
      Output.print(
          spec.commandLine().getOut(),
          arm.send("PUT", arm.accountPath() + "/deployments/" + ArmClient.encode(name), body));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List deployments.")
  static final class ListDeployments implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      Output.print(
          spec.commandLine().getOut(),
          Output.values(arm.send("GET", arm.accountPath() + "/deployments", null)));
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a deployment, with its rate limits.")
  static final class Show implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"--name", "-n", "--deployment-name"},
        required = true)
    String name;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      Output.print(
          spec.commandLine().getOut(),
          arm.send("GET", arm.accountPath() + "/deployments/" + ArmClient.encode(name), null));
      return 0;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a deployment.")
  static final class Delete implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Option(
        names = {"--name", "-n", "--deployment-name"},
        required = true)
    String name;

    @Override
    public Integer call() throws Exception {
      ArmClient arm = client.client();
      arm.send("DELETE", arm.accountPath() + "/deployments/" + ArmClient.encode(name), null);
      return 0;
    }
  }
}
