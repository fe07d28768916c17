package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.EventStream;

/**
 * A model backend: answers one {@link BackendCall} through {@link #invoke}. A non-streamed call
 * returns the complete Azure-shaped body; a streamed call returns once the backend has accepted the
 * request (so that an upstream error still becomes an HTTP error status) and produces its events
 * while the client reads them. Implementations are thread-safe and shared by every request to the
 * deployments they serve; they throw {@link ApiException} for failures the client should see, and
 * {@link #unsupported} for an API their model does not serve.
 */
public interface Backend extends AutoCloseable {
  /** What a call produced: one body, or a stream of events. */
  sealed interface Answer permits Result, Streamed {}

  /**
   * A complete answer.
   *
   * @param body the response, serialized by the data-plane mapper
   * @param promptTokens as the backend counted them (0 to keep the pipeline's count)
   * @param cachedPromptTokens the prompt tokens the backend served from its prompt cache (Azure's
   *     {@code prompt_tokens_details.cached_tokens}, Anthropic's {@code cache_read_input_tokens})
   * @param promptMetered whether {@code promptTokens} is the upstream's metered count, billed in
   *     place of the pipeline's own (a native Responses call)
   */
  record Result(
      Object body,
      int promptTokens,
      int completionTokens,
      int cachedPromptTokens,
      boolean promptMetered)
      implements Answer {
    public Result {
      requireNonNull(body, "body is null");
      if (cachedPromptTokens < 0) {
        throw new IllegalArgumentException(
            "cachedPromptTokens must be >= 0: " + cachedPromptTokens);
      }
    }

    /** An answer whose prompt is billed as the pipeline counted it. */
    public Result(Object body, int promptTokens, int completionTokens, int cachedPromptTokens) {
      this(body, promptTokens, completionTokens, cachedPromptTokens, false);
    }

    /** An answer none of whose prompt came from a prompt cache. */
    public Result(Object body, int promptTokens, int completionTokens) {
      this(body, promptTokens, completionTokens, 0);
    }
  }

  /**
   * A streamed answer; its events carry their completion tokens, and the usage event the prompt
   * tokens served from the prompt cache.
   */
  record Streamed(EventStream events) implements Answer {
    public Streamed {
      requireNonNull(events, "events is null");
    }
  }

  Answer invoke(BackendCall call);

  /**
   * Whether the backend answers now: what an active health probe asks of a backend whose breaker is
   * open. In-process backends are always up.
   */
  default boolean probe() {
    return true;
  }

  @Override
  default void close() {}

  /** Azure's answer for an API the deployment's model does not serve. */
  static ApiException unsupported(BackendCall call) {
    String operation =
        switch (call) {
          case BackendCall.Chat c -> "chatCompletion";
          case BackendCall.Completion c -> "completion";
          case BackendCall.Embedding e -> "embeddings";
        };
    return ApiException.of(ErrorCode.OPERATION_NOT_SUPPORTED, operation, call.model().name());
  }
}
