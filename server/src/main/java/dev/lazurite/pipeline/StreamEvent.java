package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * One SSE {@code data:} payload and the number of completion tokens it carries, so that metering
 * counts exactly what reached the client.
 */
public record StreamEvent(Object payload, int completionTokens) {
  /** The payload of an event that only reports tokens and is not sent to the client. */
  public static final Object NOT_SENT = new Object();

  /** Tokens the client did not see as text but that were produced (and so are billed). */
  public static StreamEvent meteringOnly(int completionTokens) {
    return new StreamEvent(NOT_SENT, completionTokens);
  }

  public boolean sent() {
    return payload != NOT_SENT;
  }

  public StreamEvent {
    requireNonNull(payload, "payload is null");
    if (completionTokens < 0) {
      throw new IllegalArgumentException("completionTokens must be >= 0: " + completionTokens);
    }
  }
}
