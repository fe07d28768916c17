package dev.lazurite.server.edge;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a handler reads a request body: whole, up to the configured limit, within the body
 * timeout. A refusal marks the response {@code Connection: close} and the connection closes after
 * the answer, so nothing of a refused body is ever read as a request.
 */
public final class RequestBody {
  private RequestBody() {}

  /**
   * Reads the body.
   *
   * @throws BodyRejected over the limit (413), malformed framing (400), too slow (408)
   * @throws UncheckedIOException the client went away
   */
  public static byte[] read(ServerRequest request, ServerResponse response) {
    EdgeRequest state = EdgeRequest.of(request);
    try {
      return read(request, state);
    } catch (BodyRejected e) {
      state.close();
      response.header(HeaderValues.CONNECTION_CLOSE);
      throw e;
    }
  }

  /** Reads the body, turning a refusal into the caller's own error type. */
  public static byte[] read(
      ServerRequest request,
      ServerResponse response,
      Function<BodyRejected, ? extends RuntimeException> asError) {
    try {
      return read(request, response);
    } catch (BodyRejected e) {
      throw asError.apply(e);
    }
  }

  /**
   * Reads and discards a body its handler left unread (it answered without needing it), so that the
   * connection can carry the next request. False when that is not safe: over the limit, too slow,
   * malformed; the connection must then close.
   */
  static boolean drain(ServerRequest request) {
    try {
      read(request, EdgeRequest.of(request), OutputStream.nullOutputStream());
      return true;
    } catch (BodyRejected | UncheckedIOException | CloseConnectionException e) {
      return false;
    }
  }

  /**
   * How much of a refused body is read and dropped before its connection closes, and for how long:
   * enough for a client that sends a body several times the limit to still read its 413.
   */
  private static final long LINGER_BYTES = 64L << 20;

  private static final long LINGER_NANOS = 2_000_000_000L;

  /**
   * Reads and drops what is left of a body whose connection is about to close (a lingering close,
   * as nginx does): closing a socket with unread data resets the connection, and the client may
   * lose the answer it was just sent. Bounded by {@link #LINGER_BYTES}, {@link #LINGER_NANOS} and
   * the body timeout; a broken body just ends it.
   */
  static void linger(ServerRequest request) {
    if (!request.content().hasEntity()) {
      return;
    }
    // A body a handler read as it arrived is consumed for Helidon, but its rest may be unread.
    Optional<InputStream> streamed = EdgeRequest.of(request).streamed();
    if (streamed.isEmpty() && request.content().consumed()) {
      return;
    }
    var connection = GuardedConnection.current();
    connection.ifPresent(c -> c.enter(GuardedConnection.Phase.BODY));
    try (InputStream in = streamed.orElseGet(() -> request.content().inputStream())) {
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      long end = System.nanoTime() + LINGER_NANOS;
      int n;
      while (total < LINGER_BYTES && System.nanoTime() - end < 0 && (n = in.read(buffer)) != -1) {
        total += n;
      }
    } catch (IOException | RuntimeException e) {
      // The connection closes either way.
    }
  }

  private static byte[] read(ServerRequest request, EdgeRequest state) {
    // Sized by the declared length when there is one: most bodies are small and announced.
    long declared;
    try {
      declared = request.headers().contentLength().orElse(-1);
    } catch (IllegalArgumentException e) {
      declared = -1; // refused as malformed below
    }
    // Capped, so a client that announces a large body and sends nothing holds little memory.
    int initial = declared > 0 ? (int) Math.min(declared, 64 * 1024) : 1 << 12;
    var out = new ByteArrayOutputStream(initial);
    read(request, state, out);
    return out.toByteArray();
  }

  private static void read(ServerRequest request, EdgeRequest state, OutputStream out) {
    long limit = state.maxBodyBytes();
    long declared;
    try {
      declared = request.headers().contentLength().orElse(-1);
    } catch (IllegalArgumentException e) {
      throw BodyRejected.malformed();
    }
    if (declared > limit) {
      throw BodyRejected.tooLarge(declared, limit);
    }
    if (!request.content().hasEntity()) {
      return;
    }
    var connection = GuardedConnection.current();
    connection.ifPresent(c -> c.enter(GuardedConnection.Phase.BODY));
    long deadline = System.nanoTime() + state.bodyTimeout().toNanos();
    try (InputStream in = request.content().inputStream()) {
      byte[] buffer = new byte[declared > 0 ? (int) Math.min(declared, 16 * 1024) : 16 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          throw BodyRejected.tooLarge(total, limit);
        }
        out.write(buffer, 0, n);
        if (System.nanoTime() - deadline > 0) {
          throw BodyRejected.tooSlow(state.bodyTimeout().toMillis());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (BodyRejected | CloseConnectionException | UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      // Helidon's chunk parser fails with NumberFormatException or RequestException on a chunk
      // size that is not hex, negative or too long; a premature end of a body lands here too.
      throw BodyRejected.malformed();
    } finally {
      connection.ifPresent(c -> c.enter(GuardedConnection.Phase.HANDLING));
    }
  }
}
