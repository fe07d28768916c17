package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "deployment",
    mixinStandardHelpOptions = true,
    description =
        "Create, list, show and delete deployments (az cognitiveservices account deployment, with"
            + " its flags: --name is the resource, --deployment-name the deployment).",
    subcommands = {
      DeploymentCommand.Create.class,
      DeploymentCommand.Update.class,
      DeploymentCommand.ListDeployments.class,
      DeploymentCommand.Show.class,
      DeploymentCommand.Delete.class,
      CaptureCommand.class
    })
final class DeploymentCommand {
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create or update a deployment.")
  static final class Create extends AccountScoped {
    @Option(names = "--deployment-name", required = true, description = "Deployment name.")
    String deployment;

    @Option(
        names = {"--model-name", "--model"},
        required = true,
        description = "Model, e.g. gpt-4o or dall-e-3.")
    String modelName;

    @Option(names = "--model-version", description = "Model version; default: the model's default.")
    String modelVersion;

    @Option(
        names = "--model-format",
        defaultValue = "OpenAI",
        description = "Model format (default OpenAI).")
    String modelFormat;

    @Option(
        names = {"--sku-name", "--sku"},
        defaultValue = "Standard",
        description =
            "Standard, GlobalStandard, DataZoneStandard, GlobalBatch, ProvisionedManaged …")
    String skuName;

    @Option(
        names = {"--sku-capacity", "--capacity"},
        defaultValue = "1",
        description = "Capacity (thousands of tokens per minute for Standard types).")
    int capacity;

    @Option(
        names = {"--scale-settings-scale-type", "--scale-type"},
        description = "Legacy scale settings: Standard or Manual.")
    String scaleType;

    @Option(
        names = {"--scale-settings-capacity", "--scale-capacity"},
        description = "Legacy scale settings capacity.")
    Integer scaleCapacity;

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

    @Option(
        names = {"--rai-policy", "--rai-policy-name"},
        description = "Content filter policy name.")
    String raiPolicy;

    @Option(
        names = "--backends",
        split = ",",
        description = "Serve through this pool of backends (see `lazurite backend`).")
    java.util.List<String> backends;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
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
      if (scaleType != null || scaleCapacity != null) {
        ObjectNode scale = properties.putObject("scaleSettings");
        if (scaleType != null) {
          scale.put("scaleType", scaleType);
        }
        if (scaleCapacity != null) {
          scale.put("capacity", scaleCapacity);
        }
      }
      if (backends != null) {
        var pool = properties.putArray("backendPool");
        backends.forEach(pool::add);
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
      return arm.send(
          "PUT", arm.accountPath() + "/deployments/" + ArmClient.encode(deployment), body);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List deployments.")
  static final class ListDeployments extends AccountScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", arm.accountPath() + "/deployments", null));
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a deployment, with its rate limits.")
  static final class Show extends AccountScoped {
    @Option(names = "--deployment-name", required = true, description = "Deployment name.")
    String deployment;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send(
          "GET", arm.accountPath() + "/deployments/" + ArmClient.encode(deployment), null);
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a deployment.")
  static final class Delete extends AccountScoped {
    @Option(names = "--deployment-name", required = true, description = "Deployment name.")
    String deployment;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", arm.accountPath() + "/deployments/" + ArmClient.encode(deployment), null);
      return null;
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Change a deployment's content filter policy.")
  static final class Update extends AccountScoped {
    @Option(names = "--deployment-name", required = true, description = "Deployment name.")
    String deployment;

    @Option(
        names = {"--rai-policy", "--rai-policy-name"},
        required = true,
        description = "Content filter policy name.")
    String raiPolicy;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.putObject("properties").put("raiPolicyName", raiPolicy);
      return arm.send(
          "PATCH", arm.accountPath() + "/deployments/" + ArmClient.encode(deployment), body);
    }
  }
}
