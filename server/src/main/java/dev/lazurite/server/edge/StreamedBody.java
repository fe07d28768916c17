package dev.lazurite.server.edge;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A request body read as it arrives, for uploads larger than the edge reads whole. The connection
 * counts as reading a body while bytes keep coming: each read restarts the body timeout, so a long
 * upload runs as long as it needs and one that stalls is closed. Malformed framing reads as an
 * {@link IOException}. A body its handler did not read to the end closes the connection after the
 * answer ({@link #finish}).
 */
public final class StreamedBody extends FilterInputStream {
  private final Optional<GuardedConnection> connection;
  private boolean ended;

  private StreamedBody(InputStream in, Optional<GuardedConnection> connection) {
    super(in);
    this.connection = connection;
  }

  /** The request's body as a stream; empty when it has none. */
  public static StreamedBody of(ServerRequest request) {
    var connection = GuardedConnection.current();
    InputStream in =
        request.content().hasEntity()
            ? request.content().inputStream()
            : InputStream.nullInputStream();
    // Once the stream is taken the body counts as consumed; the edge reads what is left of it
    // through the stream when the connection closes after the answer. Outside an edge routing there
    // is no state to keep it in (and the shared default must not hold one request's stream).
    request.context().get(EdgeRequest.class).ifPresent(state -> state.streaming(in));
    return new StreamedBody(in, connection);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (ended) {
      return -1;
    }
    connection.ifPresent(c -> c.enter(GuardedConnection.Phase.BODY));
    try {
      int n = in.read(b, off, len);
      if (n < 0) {
        ended = true;
      }
      return n;
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException e) {
      // Helidon's chunk parser fails with unchecked exceptions on a malformed chunk size, and a
      // body that ends early lands here too.
      throw new IOException("the request body is not validly framed", e);
    } finally {
      connection.ifPresent(c -> c.enter(GuardedConnection.Phase.HANDLING));
    }
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  /**
   * After the answer is decided: when the body was not read to its end, the connection closes after
   * the answer, and before it closes the edge reads and drops the rest, up to a bound ({@link
   * RequestBody#linger}), so that the client reads the answer.
   */
  public void finish(ServerResponse response) {
    if (!ended) {
      response.header(HeaderValues.CONNECTION_CLOSE);
    }
  }

  @Override
  public void close() {
    // The connection owns the body; what is left unread is handled by finish.
  }
}
