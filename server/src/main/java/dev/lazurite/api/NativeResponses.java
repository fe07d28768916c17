package dev.lazurite.api;

/**
 * How a Responses request reaches a backend whose upstream serves the Responses API itself. The
 * Responses stage sends the pipeline a chat body (so that token counting, quota and the prompt
 * filter work as for chat) that also carries the Responses body for the upstream under {@link
 * #REQUEST_FIELD}; a backend that answers natively returns a chat-shaped answer (so that the
 * completion filter and metering see the text and usage) carrying the upstream's response object
 * under {@link #ANSWER_FIELD}, or streams each upstream event under {@link #EVENT_FIELD}. None
 * reaches a client or an upstream: a chat request that sends {@link #REQUEST_FIELD} loses it when
 * validated.
 */
public final class NativeResponses {
  /** The Responses body for the upstream, inside the chat body. */
  public static final String REQUEST_FIELD = "x-lazurite-responses";

  /**
   * One event of the upstream's Responses stream, inside the chat-shaped chunk that carries it
   * through the pipeline (an {@code output_text} delta's chunk also has the delta as chat content,
   * so that the completion filter screens it).
   */
  public static final String EVENT_FIELD = "x-lazurite-response-event";

  /** The upstream's response object, inside the chat-shaped answer. */
  public static final String ANSWER_FIELD = "x-lazurite-response";

  private NativeResponses() {}
}
