package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description =
        "The model catalog: built-in models, and models an operator adds without a code change.",
    subcommands = {
      ModelCommand.ListModels.class,
      ModelCommand.Add.class,
      ModelCommand.Delete.class
    })
final class ModelCommand {
  private static final String MODELS = "/providers/Lazurite.Catalog/models";

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalog.")
  static final class ListModels extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", arm.subscriptionPath() + MODELS, null));
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a model; deployments can name it at once, on every instance.")
  static final class Add extends ArmCommand {
    @Option(names = "--name", required = true, description = "Model name, e.g. mistral-large.")
    String name;

    @Option(names = "--version", description = "Model version; default 1.")
    String version;

    @Option(
        names = "--family",
        required = true,
        description = "The family (format) deployments report, e.g. Mistral.")
    String family;

    @Option(names = "--kind", required = true, description = "chat or embeddings.")
    String kind;

    @Option(names = "--context-window", required = true, description = "Input tokens it takes.")
    int contextWindow;

    @Option(names = "--max-output-tokens", description = "Output token limit (chat).")
    Integer maxOutputTokens;

    @Option(names = "--dimensions", description = "Vector length (embeddings).")
    Integer dimensions;

    @Option(
        names = "--encoding",
        required = true,
        description = "Tokenizer for estimates: o200k_base or cl100k_base.")
    String encoding;

    @Option(names = "--input-price", description = "USD per 1M input tokens.")
    BigDecimal inputPrice;

    @Option(names = "--cached-input-price", description = "USD per 1M cached input tokens.")
    BigDecimal cachedInputPrice;

    @Option(names = "--output-price", description = "USD per 1M output tokens.")
    BigDecimal outputPrice;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("family", family).put("kind", kind).put("encoding", encoding);
      body.put("contextWindow", contextWindow);
      if (version != null) {
        body.put("version", version);
      }
      if (maxOutputTokens != null) {
        body.put("maxOutputTokens", maxOutputTokens);
      }
      if (dimensions != null) {
        body.put("dimensions", dimensions);
      }
      if (inputPrice != null) {
        body.put("inputPrice", inputPrice);
      }
      if (cachedInputPrice != null) {
        body.put("cachedInputPrice", cachedInputPrice);
      }
      if (outputPrice != null) {
        body.put("outputPrice", outputPrice);
      }
      return arm.send("PUT", arm.subscriptionPath() + MODELS + "/" + name, body);
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete an added model that no deployment uses.")
  static final class Delete extends ArmCommand {
    @Option(names = "--name", required = true, description = "Model name.")
    String name;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("DELETE", arm.subscriptionPath() + MODELS + "/" + name, null);
    }
  }
}
