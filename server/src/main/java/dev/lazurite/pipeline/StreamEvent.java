package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * One SSE {@code data:} payload and the number of completion tokens it carries, so that metering
 * counts exactly what reached the client. The event that carries the stream's usage also carries
 * the prompt tokens the backend served from its prompt cache.
 *
 * @param cachedPromptTokens prompt tokens served from the prompt cache, reported once per stream
 * @param filter what the content filter did, on the event that ends a filtered choice
 * @param promptTokens the prompt as the upstream metered it, reported once per stream by a backend
 *     whose upstream's count is the one billed; 0 keeps the pipeline's own count
 */
public record StreamEvent(
    Object payload,
    int completionTokens,
    int cachedPromptTokens,
    FilterOutcome filter,
    int promptTokens) {
  /** The payload of an event that only reports tokens and is not sent to the client. */
  public static final Object NOT_SENT = new Object();

  /** Tokens the client did not see as text but that were produced (and so are billed). */
  public static StreamEvent meteringOnly(int completionTokens) {
    return new StreamEvent(NOT_SENT, completionTokens, 0, FilterOutcome.NONE);
  }

  /** An event not sent to the client that reports the stream's usage. */
  public static StreamEvent meteringOnly(int completionTokens, int cachedPromptTokens) {
    return new StreamEvent(NOT_SENT, completionTokens, cachedPromptTokens, FilterOutcome.NONE);
  }

  /** An event with its counts and the pipeline's own prompt count. */
  public StreamEvent(
      Object payload, int completionTokens, int cachedPromptTokens, FilterOutcome filter) {
    this(payload, completionTokens, cachedPromptTokens, filter, 0);
  }

  /** An event not sent to the client that reports the prompt as the upstream metered it. */
  public static StreamEvent meteringOnly(
      int completionTokens, int cachedPromptTokens, int promptTokens) {
    return new StreamEvent(
        NOT_SENT, completionTokens, cachedPromptTokens, FilterOutcome.NONE, promptTokens);
  }

  /** An event with its counts and no filter outcome. */
  public StreamEvent(Object payload, int completionTokens, int cachedPromptTokens) {
    this(payload, completionTokens, cachedPromptTokens, FilterOutcome.NONE);
  }

  /** An event that carries completion tokens and no prompt-cache count. */
  public StreamEvent(Object payload, int completionTokens) {
    this(payload, completionTokens, 0, FilterOutcome.NONE);
  }

  /**
   * Another payload in place of this one, with the same counts (what wrappers that rewrite the
   * events use, so that no count is lost on the way to the client).
   */
  public StreamEvent withPayload(Object replaced) {
    return new StreamEvent(replaced, completionTokens, cachedPromptTokens, filter, promptTokens);
  }

  /** The same event, marked as the one that ends a filtered choice. */
  public StreamEvent withFilter(FilterOutcome outcome) {
    return new StreamEvent(payload, completionTokens, cachedPromptTokens, outcome, promptTokens);
  }

  public boolean sent() {
    return payload != NOT_SENT;
  }

  public StreamEvent {
    requireNonNull(payload, "payload is null");
    if (completionTokens < 0) {
      throw new IllegalArgumentException("completionTokens must be >= 0: " + completionTokens);
    }
    if (cachedPromptTokens < 0) {
      throw new IllegalArgumentException("cachedPromptTokens must be >= 0: " + cachedPromptTokens);
    }
    if (promptTokens < 0) {
      throw new IllegalArgumentException("promptTokens must be >= 0: " + promptTokens);
    }
  }
}
