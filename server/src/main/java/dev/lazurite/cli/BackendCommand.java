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
        description = "simulator, openai-compatible, azure, openai, anthropic or gemini.")
    String kind;

    @Option(
        names = "--url",
        description =
            "Upstream base URL (openai-compatible; azure: the resource endpoint; openai: default"
                + " https://api.openai.com/v1; anthropic: default https://api.anthropic.com; gemini: default"
                + " https://generativelanguage.googleapis.com).")
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

    @Option(names = "--deployment", description = "azure: the deployment on the upstream resource.")
    String deployment;

    @Option(names = "--api-version", description = "azure: api-version to call the upstream with.")
    String apiVersion;

    @Option(
        names = "--auth",
        description = "azure: key (default), client-credentials or managed-identity.")
    String auth;

    @Option(
        names = "--token-url",
        description =
            "azure: Entra token endpoint for client-credentials, or the identity endpoint for"
                + " managed-identity.")
    String tokenUrl;

    @Option(names = "--client-id", description = "azure: application (client) id.")
    String clientId;

    @Option(
        names = "--responses",
        description =
            "How Responses calls reach the upstream: native (its own /responses; the default for"
                + " azure) or translate (chat completions; the default for other kinds).")
    String responses;

    @Option(
        names = "--secret-stdin",
        description =
            "Read the upstream key (or client secret) from standard input; it is stored encrypted.")
    boolean secretStdin;

    @Option(
        names = "--fault-latency-ms",
        defaultValue = "0",
        description = "Added latency before every answer (testing).")
    long faultLatencyMs;

    @Option(
        names = "--fault-hang",
        defaultValue = "0",
        description = "Share of requests that hang until they time out (testing).")
    double faultHang;

    @Option(
        names = "--fault-hang-ms",
        defaultValue = "30000",
        description = "How long a hanging request hangs before it times out (testing).")
    long faultHangMs;

    @Option(
        names = "--fault-reset",
        defaultValue = "0",
        description = "Share of streams whose connection resets mid-stream (testing).")
    double faultReset;

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
      putIfSet(backend, "deployment", deployment);
      putIfSet(backend, "apiVersion", apiVersion);
      putIfSet(backend, "auth", auth);
      putIfSet(backend, "tokenUrl", tokenUrl);
      putIfSet(backend, "clientId", clientId);
      putIfSet(backend, "responses", responses);
      if (secretStdin) {
        String secret =
            new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        backend.put("client-credentials".equals(auth) ? "clientSecret" : "apiKey", secret);
      }
      if (region != null) {
        properties.put("region", region);
      }
      properties.put("priority", priority).put("weight", weight);
      if (fault429 > 0 || fault500 > 0 || faultHang > 0 || faultReset > 0 || faultLatencyMs > 0) {
        properties
            .putObject("faults")
            .put("rate429", fault429)
            .put("rate500", fault500)
            .put("rateHang", faultHang)
            .put("hangMs", faultHangMs)
            .put("rateReset", faultReset)
            .put("latencyMs", faultLatencyMs);
      }
      return arm.send("PUT", path(arm) + "/" + ArmClient.encode(name), body);
    }
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true)
  static final class ListAll extends ChildResourceCommands.ListChildren {
    @Override
    String collection(ArmClient arm) {
      return path(arm);
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true)
  static final class Delete extends ChildResourceCommands.DeleteChild {
    @Override
    String collection(ArmClient arm) {
      return path(arm);
    }
  }
}
