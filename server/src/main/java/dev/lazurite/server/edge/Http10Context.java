package dev.lazurite.server.edge;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Presents an HTTP/1.0 request to Helidon's HTTP/1.1 connection, which refuses 1.0: the request
 * line is read as 1.1 with {@code Connection: close} added, so the one request is answered and the
 * connection then closes, as HTTP/1.0 expects. Everything else is the real connection.
 */
final class Http10Context implements ConnectionContext {
  private final ConnectionContext delegate;
  private final DataReader reader;

  Http10Context(ConnectionContext delegate) {
    this.delegate = delegate;
    DataReader original = delegate.dataReader();
    int lf = original.findNewLine(Integer.MAX_VALUE);
    String line = original.readAsciiString(lf);
    original.skip(2);
    String upgraded =
        line.substring(0, line.length() - "1.0".length()) + "1.1\r\nConnection: close\r\n";
    byte[] first = upgraded.getBytes(StandardCharsets.US_ASCII);
    AtomicReference<byte[]> pending = new AtomicReference<>(first);
    this.reader =
        DataReader.create(
            () -> {
              byte[] head = pending.getAndSet(null);
              if (head != null) {
                return head;
              }
              try {
                original.ensureAvailable();
                return original.readBytes(original.available());
              } catch (DataReader.InsufficientDataAvailableException e) {
                return null;
              }
            });
  }

  @Override
  public DataReader dataReader() {
    return reader;
  }

  @Override
  public ListenerContext listenerContext() {
    return delegate.listenerContext();
  }

  @Override
  public ExecutorService executor() {
    return delegate.executor();
  }

  @Override
  public DataWriter dataWriter() {
    return delegate.dataWriter();
  }

  @Override
  public Router router() {
    return delegate.router();
  }

  @Override
  public Optional<ProxyProtocolData> proxyProtocolData() {
    return delegate.proxyProtocolData();
  }

  @Override
  public HelidonSocket serverSocket() {
    return delegate.serverSocket();
  }

  @Override
  public PeerInfo remotePeer() {
    return delegate.remotePeer();
  }

  @Override
  public PeerInfo localPeer() {
    return delegate.localPeer();
  }

  @Override
  public boolean isSecure() {
    return delegate.isSecure();
  }

  @Override
  public String socketId() {
    return delegate.socketId();
  }

  @Override
  public String childSocketId() {
    return delegate.childSocketId();
  }
}
