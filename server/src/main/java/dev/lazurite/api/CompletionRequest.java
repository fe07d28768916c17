package dev.lazurite.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;

/** A validated legacy completions request; {@code prompts} holds one entry per prompt. */
public record CompletionRequest(
    ObjectNode raw,
    List<String> prompts,
    int maxTokens,
    boolean maxTokensGiven,
    int n,
    List<String> stop,
    OptionalLong seed,
    boolean echo,
    int logprobs,
    boolean stream,
    boolean includeUsage,
    int promptTokens)
    implements ModelRequest {
  public CompletionRequest {
    requireNonNull(raw, "raw is null");
    prompts = List.copyOf(prompts);
    stop = List.copyOf(stop);
    requireNonNull(seed, "seed is null");
  }

  @Override
  public CompletionRequest withPromptTokens(int tokens) {
    return new CompletionRequest(
        raw,
        prompts,
        maxTokens,
        maxTokensGiven,
        n,
        stop,
        seed,
        echo,
        logprobs,
        stream,
        includeUsage,
        tokens);
  }
}
