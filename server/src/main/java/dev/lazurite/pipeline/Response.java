package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the pipeline answers: a complete JSON body, a stream of server-sent events, or raw bytes.
 * Headers set here are added to the ones every data-plane response carries. Both carry the token
 * counts of the model call that produced them (prompt tokens as sent to the model, after any
 * grounding), which quota settlement and the request's {@link Ledger} both read.
 */
public sealed interface Response {
  Map<String, String> headers();

  Response withHeaders(Map<String, String> extra);

  /**
   * A complete JSON answer; {@code body} is serialized by the data-plane mapper.
   *
   * @param promptTokens the prompt the model was sent, in tokens (0 when no model was called)
   * @param completionTokens what the answer cost in output tokens
   * @param cachedPromptTokens the part of {@code promptTokens} the backend served from its prompt
   *     cache
   * @param filter what the content filter did to the completion
   */
  record Json(
      int status,
      Map<String, String> headers,
      Object body,
      int promptTokens,
      int completionTokens,
      int cachedPromptTokens,
      FilterOutcome filter)
      implements Response {
    public Json {
      requireNonNull(body, "body is null");
      headers = Map.copyOf(headers);
      if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0) {
        throw new IllegalArgumentException("token counts must be >= 0");
      }
      requireNonNull(filter, "filter is null");
    }

    /** An answer none of whose prompt came from the prompt cache. */
    public Json(
        int status,
        Map<String, String> headers,
        Object body,
        int promptTokens,
        int completionTokens) {
      this(status, headers, body, promptTokens, completionTokens, 0, FilterOutcome.NONE);
    }

    /** The same answer, with what the content filter did to its completion. */
    public Json withFilter(FilterOutcome outcome) {
      return new Json(
          status, headers, body, promptTokens, completionTokens, cachedPromptTokens, outcome);
    }

    /** A 200 answer of a model call part of whose prompt came from the prompt cache. */
    public static Json ok(
        Object body, int promptTokens, int completionTokens, int cachedPromptTokens) {
      return new Json(
          200,
          Map.of(),
          body,
          promptTokens,
          completionTokens,
          Math.min(cachedPromptTokens, promptTokens),
          FilterOutcome.NONE);
    }

    public static Json ok(Object body) {
      return new Json(200, Map.of(), body, 0, 0);
    }

    public static Json ok(Object body, int promptTokens, int completionTokens) {
      return new Json(200, Map.of(), body, promptTokens, completionTokens);
    }

    /** The same answer and counts with another body (annotations, citations). */
    public Json withBody(Object replaced) {
      return new Json(
          status, headers, replaced, promptTokens, completionTokens, cachedPromptTokens, filter);
    }

    @Override
    public Json withHeaders(Map<String, String> extra) {
      return new Json(
          status,
          merge(headers, extra),
          body,
          promptTokens,
          completionTokens,
          cachedPromptTokens,
          filter);
    }
  }

  /**
   * A 200 {@code text/event-stream} answer; the events are produced while they are written, and
   * carry their completion tokens.
   *
   * @param promptTokens the prompt the model was sent, in tokens
   */
  record Stream(
      Map<String, String> headers,
      EventStream events,
      int promptTokens,
      java.util.Optional<Detached> detached)
      implements Response {
    public Stream {
      requireNonNull(events, "events is null");
      headers = Map.copyOf(headers);
      if (promptTokens < 0) {
        throw new IllegalArgumentException("promptTokens must be >= 0");
      }
      requireNonNull(detached, "detached is null");
    }

    public Stream(Map<String, String> headers, EventStream events, int promptTokens) {
      this(headers, events, promptTokens, java.util.Optional.empty());
    }

    public static Stream of(EventStream events, int promptTokens) {
      return new Stream(Map.of(), events, promptTokens);
    }

    @Override
    public Stream withHeaders(Map<String, String> extra) {
      return new Stream(merge(headers, extra), events, promptTokens, detached);
    }

    public Stream withEvents(EventStream wrapped) {
      return new Stream(headers, wrapped, promptTokens, detached);
    }

    /**
     * The same stream, run without a client: the client is answered {@code answer} at once (as
     * JSON, or as a stream when it is an {@link EventStream}, one that reads back what the work
     * keeps), and the events are produced on {@code executor} with no one to receive them (a
     * background response). The request's ledger closes when they end, so quota, metering and audit
     * count the work as for a stream the client read.
     */
    public Stream detach(Object answer, java.util.concurrent.Executor executor) {
      return new Stream(
          headers, events, promptTokens, java.util.Optional.of(new Detached(answer, executor)));
    }
  }

  /**
   * How a detached stream runs: the JSON the client gets at once, and where the events are made.
   */
  record Detached(Object answer, java.util.concurrent.Executor executor) {
    public Detached {
      requireNonNull(answer, "answer is null");
      requireNonNull(executor, "executor is null");
    }
  }

  /**
   * A 200 answer of raw bytes (a file's content, speech audio, a transcript as text), streamed from
   * {@code content} as it is written; whoever writes it closes the stream, written or not.
   *
   * @param length the number of bytes, sent as {@code Content-Length}
   * @param promptTokens what the model call consumed, in the units it is billed by (0 when no model
   *     was called)
   */
  record Bytes(
      Map<String, String> headers,
      String contentType,
      long length,
      InputStream content,
      int promptTokens)
      implements Response {
    public Bytes {
      headers = Map.copyOf(headers);
      requireNonNull(contentType, "contentType is null");
      requireNonNull(content, "content is null");
      if (length < 0 || promptTokens < 0) {
        throw new IllegalArgumentException("length and promptTokens must be >= 0");
      }
    }

    public static Bytes of(String contentType, long length, InputStream content) {
      return new Bytes(Map.of(), contentType, length, content, 0);
    }

    /** Bytes a model produced, with the units its call is billed by. */
    public static Bytes of(String contentType, byte[] bytes, int promptTokens) {
      return new Bytes(
          Map.of(),
          contentType,
          bytes.length,
          new java.io.ByteArrayInputStream(bytes),
          promptTokens);
    }

    @Override
    public Bytes withHeaders(Map<String, String> extra) {
      return new Bytes(merge(headers, extra), contentType, length, content, promptTokens);
    }
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    var merged = new LinkedHashMap<>(a);
    merged.putAll(b);
    return merged;
  }
}
