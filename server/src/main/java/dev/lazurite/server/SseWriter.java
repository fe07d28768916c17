package dev.lazurite.server;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.NamedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events as Azure frames them: {@code data: <json>} lines (after an {@code
 * event:} line for a {@link NamedEvent}) separated by a blank line, flushed one by one, ending with
 * {@code data: [DONE]}. A backend failure after the stream started becomes an error event, unless
 * the stream already ended with its own failure event ({@code response.failed}); a client that went
 * away ends the stream.
 */
public final class SseWriter {
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  /** Named events that end a stream with its own account of a failure (the Responses API's). */
  private static final java.util.Set<String> TERMINAL_FAILURES =
      java.util.Set.of("response.failed", "error");

  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

  private SseWriter() {}

  /** Returns normally when the stream ended, with or without an error event. */
  public static void write(EventStream events, OutputStream out) {
    boolean[] ended = {false};
    EventSink sink =
        event -> {
          if (!event.sent()) {
            return;
          }
          try {
            Object payload = event.payload();
            if (payload instanceof NamedEvent named) {
              ended[0] = TERMINAL_FAILURES.contains(named.name());
              out.write(EVENT);
              out.write(named.name().getBytes(StandardCharsets.UTF_8));
              out.write('\n');
              payload = named.data();
            }
            out.write(DATA);
            out.write(Json.writeWire(payload));
            out.write(END);
            out.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (RuntimeException e) {
            // The server's socket writer reports a closed connection with its own exception type.
            throw new UncheckedIOException(new IOException("client connection closed", e));
          }
        };
    try {
      events.writeTo(sink);
      out.write(DONE);
      out.flush();
    } catch (ApiException e) {
      if (!ended[0]) {
        writeError(out, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeError(OutputStream out, ApiException e) {
    try {
      out.write(DATA);
      out.write(Json.write(ErrorRenderer.toJson(e)));
      out.write(END);
      out.flush();
    } catch (IOException ignored) {
      // The client is gone as well; nothing is left to tell it.
    }
  }
}
