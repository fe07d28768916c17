package dev.lazurite.api;

import static dev.lazurite.api.Fields.bool;
import static dev.lazurite.api.Fields.decimal;
import static dev.lazurite.api.Fields.integer;
import static dev.lazurite.api.Fields.invalidType;
import static dev.lazurite.api.Fields.object;
import static dev.lazurite.api.Fields.required;
import static dev.lazurite.api.Fields.smallInteger;
import static dev.lazurite.api.Fields.string;
import static dev.lazurite.api.Fields.stringOrArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Validates a legacy completions body. */
public final class CompletionRequestParser {
  private static final Set<String> PARAMS =
      Set.of(
          "prompt",
          "model",
          "max_tokens",
          "temperature",
          "top_p",
          "n",
          "stream",
          "logprobs",
          "suffix",
          "echo",
          "stop",
          "presence_penalty",
          "frequency_penalty",
          "best_of",
          "logit_bias",
          "user",
          "seed");

  /** The most prompts one request may batch, as OpenAI's completions endpoint allows. */
  static final int MAX_PROMPTS = 2048;

  /** Azure's default {@code max_tokens} for completions. */
  public static final int DEFAULT_MAX_TOKENS = 16;

  private CompletionRequestParser() {}

  /**
   * @param decoder turns token ids into text with the deployment model's encoding
   */
  public static CompletionRequest parse(
      ObjectNode body, String apiDate, Function<List<Integer>, String> decoder) {
    var allowed = new java.util.HashSet<>(PARAMS);
    if (apiDate.compareTo("2024-08-01") >= 0) {
      allowed.add("stream_options");
    }
    Fields.rejectUnknown(body, allowed);
    List<String> prompts = prompts(required(body, "prompt", "prompt"), decoder);
    var maxTokens = smallInteger(body, "max_tokens", "max_tokens", 0, Integer.MAX_VALUE);
    decimal(body, "temperature", "temperature", 0, 2);
    decimal(body, "top_p", "top_p", 0, 1);
    decimal(body, "presence_penalty", "presence_penalty", -2, 2);
    decimal(body, "frequency_penalty", "frequency_penalty", -2, 2);
    Fields.logitBias(body);
    string(body, "user", "user");
    string(body, "suffix", "suffix");
    int n = smallInteger(body, "n", "n", 1, 128).orElse(1);
    int bestOf = smallInteger(body, "best_of", "best_of", 0, 20).orElse(n);
    boolean stream = bool(body, "stream", "stream", false);
    if (stream && bestOf > 1 && body.hasNonNull("best_of")) {
      throw ApiException.invalid(
          "Cannot stream results with best_of greater than 1.", "best_of", null);
    }
    int logprobs = smallInteger(body, "logprobs", "logprobs", 0, 5).orElse(0);
    boolean echo = bool(body, "echo", "echo", false);
    List<String> stop = stringOrArray(body, "stop", "stop", 4);
    var seed = integer(body, "seed", "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    boolean includeUsage = false;
    ObjectNode options = object(body, "stream_options", "stream_options");
    if (options != null) {
      if (!stream) {
        throw ApiException.invalid(
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            "stream_options",
            "invalid_value");
      }
      includeUsage = bool(options, "include_usage", "stream_options.include_usage", false);
    }
    return new CompletionRequest(
        body,
        prompts,
        maxTokens.orElse(DEFAULT_MAX_TOKENS),
        maxTokens.isPresent(),
        n,
        stop,
        seed,
        echo,
        logprobs,
        stream,
        includeUsage,
        0);
  }

  private static List<String> prompts(JsonNode prompt, Function<List<Integer>, String> decoder) {
    if (prompt.isTextual()) {
      return List.of(prompt.asText());
    }
    if (!prompt.isArray()) {
      throw invalidType("prompt", "a string or an array", prompt);
    }
    if (prompt.isEmpty()) {
      throw TokenArrays.emptyArray("prompt");
    }
    if (prompt.size() > MAX_PROMPTS) {
      throw Fields.arrayTooLong("prompt", MAX_PROMPTS, prompt.size());
    }
    if (prompt.get(0).isIntegralNumber()) {
      return List.of(TokenArrays.text(prompt, "prompt", decoder));
    }
    List<String> prompts = new ArrayList<>();
    for (int i = 0; i < prompt.size(); i++) {
      JsonNode item = prompt.get(i);
      String path = "prompt[" + i + "]";
      if (item.isTextual()) {
        prompts.add(item.asText());
      } else if (item.isArray()) {
        prompts.add(TokenArrays.text(item, path, decoder));
      } else {
        throw invalidType(path, "a string or an array of integers", item);
      }
    }
    return prompts;
  }
}
