package dev.lazurite.pipeline;

/**
 * Receives stream events in order. Throws {@link java.io.UncheckedIOException} once the client is
 * gone.
 */
@FunctionalInterface
public interface EventSink {
  void send(StreamEvent event);
}
