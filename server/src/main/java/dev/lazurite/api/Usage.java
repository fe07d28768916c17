package dev.lazurite.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Token usage as responses report it. */
public record Usage(
    int promptTokens,
    int completionTokens,
    int totalTokens,
    @JsonInclude(JsonInclude.Include.NON_NULL) PromptDetails promptTokensDetails,
    @JsonInclude(JsonInclude.Include.NON_NULL) CompletionDetails completionTokensDetails) {

  public record PromptDetails(int cachedTokens, int audioTokens) {}

  public record CompletionDetails(
      int reasoningTokens,
      int audioTokens,
      int acceptedPredictionTokens,
      int rejectedPredictionTokens) {}

  /** Chat usage with the detail objects current api-versions carry. */
  public static Usage chat(int prompt, int completion) {
    return chat(prompt, completion, 0);
  }

  /** Chat usage {@code cached} of whose prompt tokens were served from the prompt cache. */
  public static Usage chat(int prompt, int completion, int cached) {
    return new Usage(
        prompt,
        completion,
        prompt + completion,
        new PromptDetails(cached, 0),
        new CompletionDetails(0, 0, 0, 0));
  }

  public static Usage plain(int prompt, int completion) {
    return new Usage(prompt, completion, prompt + completion, null, null);
  }
}
