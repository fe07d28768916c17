package dev.lazurite.request;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;

/** The model's context window and output limit, with the service's exact messages. */
final class ContextLimits {
  private ContextLimits() {}

  static void checkChat(ChatRequest request, ModelSpec model) {
    int prompt = request.promptTokens();
    if (request.maxTokens().isPresent()) {
      int max = request.maxTokens().getAsInt();
      if (max > model.maxOutputTokens()) {
        throw tooLarge(request.maxTokensParam(), max, model);
      }
      if (prompt + max > model.contextWindow()) {
        throw ApiException.invalid(
            ("This model's maximum context length is %d tokens. However, you requested %d tokens"
                    + " (%d in the messages, %d in the completion). Please reduce the length of the"
                    + " messages or completion.")
                .formatted(model.contextWindow(), prompt + max, prompt, max),
            "messages",
            "context_length_exceeded");
      }
    } else if (prompt > model.contextWindow()) {
      throw ApiException.invalid(
          ("This model's maximum context length is %d tokens. However, your messages resulted in"
                  + " %d tokens. Please reduce the length of the messages.")
              .formatted(model.contextWindow(), prompt),
          "messages",
          "context_length_exceeded");
    }
  }

  static void checkCompletion(int prompt, int maxTokens, ModelSpec model) {
    if (maxTokens > model.maxOutputTokens()) {
      throw tooLarge("max_tokens", maxTokens, model);
    }
    if (prompt + maxTokens > model.contextWindow()) {
      throw ApiException.invalid(
          ("This model's maximum context length is %d tokens, however you requested %d tokens (%d"
                  + " in your prompt; %d for the completion). Please reduce your prompt; or"
                  + " completion length.")
              .formatted(model.contextWindow(), prompt + maxTokens, prompt, maxTokens),
          "prompt",
          "context_length_exceeded");
    }
  }

  static void checkEmbeddingInput(int tokens, ModelSpec model) {
    if (tokens > model.contextWindow()) {
      throw ApiException.invalid(
          ("This model's maximum context length is %d tokens, however you requested %d tokens (%d"
                  + " in your prompt; 0 for the completion). Please reduce your prompt; or"
                  + " completion length.")
              .formatted(model.contextWindow(), tokens, tokens),
          "input",
          "context_length_exceeded");
    }
  }

  static ApiException unsupportedMaxTokens() {
    return ApiException.invalid(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use"
            + " 'max_completion_tokens' instead.",
        "max_tokens",
        "unsupported_parameter");
  }

  private static ApiException tooLarge(String param, int max, ModelSpec model) {
    return ApiException.invalid(
        "%s is too large: %d. This model supports at most %d completion tokens, whereas you provided %d."
            .formatted(param, max, model.maxOutputTokens(), max),
        param,
        null);
  }
}
