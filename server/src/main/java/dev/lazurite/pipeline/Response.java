package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What the pipeline answers: a complete JSON body, or a stream of server-sent events. Headers set
 * here are added to the ones every data-plane response carries.
 */
public sealed interface Response {
  Map<String, String> headers();

  Response withHeaders(Map<String, String> extra);

  /**
   * A complete JSON answer; {@code body} is serialized by the data-plane mapper.
   *
   * @param completionTokens what the answer cost in output tokens, for metering
   */
  record Json(int status, Map<String, String> headers, Object body, int completionTokens)
      implements Response {
    public Json {
      requireNonNull(body, "body is null");
      headers = Map.copyOf(headers);
    }

    public static Json ok(Object body) {
      return new Json(200, Map.of(), body, 0);
    }

    public static Json ok(Object body, int completionTokens) {
      return new Json(200, Map.of(), body, completionTokens);
    }

    @Override
    public Json withHeaders(Map<String, String> extra) {
      return new Json(status, merge(headers, extra), body, completionTokens);
    }
  }

  /** A 200 {@code text/event-stream} answer; the events are produced while they are written. */
  record Stream(Map<String, String> headers, EventStream events) implements Response {
    public Stream {
      requireNonNull(events, "events is null");
      headers = Map.copyOf(headers);
    }

    public static Stream of(EventStream events) {
      return new Stream(Map.of(), events);
    }

    @Override
    public Stream withHeaders(Map<String, String> extra) {
      return new Stream(merge(headers, extra), events);
    }

    public Stream withEvents(EventStream wrapped) {
      return new Stream(headers, wrapped);
    }
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    var merged = new java.util.LinkedHashMap<>(a);
    merged.putAll(b);
    return merged;
  }
}
