package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    description = "The price table: USD per million tokens per model, version and deployment type.",
    subcommands = {PriceCommand.ListPrices.class, PriceCommand.Set.class})
final class PriceCommand {
  private static final String PRICES = "/providers/Lazurite.Cost/prices";

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the price table.")
  static final class ListPrices extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", arm.subscriptionPath() + PRICES, null));
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Set one row; it prices requests recorded from now on.")
  static final class Set extends ArmCommand {
    @Option(names = "--model", required = true, description = "Model name, e.g. gpt-4o.")
    String model;

    @Option(names = "--version", defaultValue = "*", description = "Model version; * for any.")
    String version;

    @Option(
        names = "--type",
        required = true,
        description = "Global, DataZone, Regional or Provisioned (batch is half of its type).")
    String type;

    @Option(names = "--prompt-price", required = true, description = "USD per 1M input tokens.")
    BigDecimal input;

    @Option(names = "--cached-prompt-price", description = "USD per 1M cached input tokens.")
    BigDecimal cachedInput;

    @Option(
        names = "--completion-price",
        required = true,
        description = "USD per 1M output tokens.")
    BigDecimal output;

    @Option(names = "--per-hour", description = "USD per PTU-hour (provisioned).")
    BigDecimal perHour;

    @Option(names = "--as-of", description = "The date the price was taken from; default: today.")
    String asOf;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("model", model).put("version", version).put("deploymentType", type);
      body.put("input", input).put("output", output);
      if (cachedInput != null) {
        body.put("cachedInput", cachedInput);
      }
      if (perHour != null) {
        body.put("perHour", perHour);
      }
      if (asOf != null) {
        body.put("asOf", asOf);
      }
      return arm.send("POST", arm.subscriptionPath() + PRICES, body);
    }
  }
}
