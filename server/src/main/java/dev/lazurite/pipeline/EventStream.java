package dev.lazurite.pipeline;

/**
 * A lazily produced sequence of SSE events. {@link #writeTo} runs on the request's thread after the
 * pipeline has answered; it returns when the stream is complete and throws when the client went
 * away (the sink's {@link java.io.UncheckedIOException}) or the backend failed ({@link
 * dev.lazurite.error.ApiException}). Either way the producer releases what it holds (upstream
 * connections, generators) before returning.
 */
@FunctionalInterface
public interface EventStream {
  void writeTo(EventSink sink);
}
