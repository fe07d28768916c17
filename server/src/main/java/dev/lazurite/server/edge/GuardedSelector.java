package dev.lazurite.server.edge;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.util.Set;

/**
 * The listener's only connection selector, so that Helidon hands over every accepted connection at
 * once (with a single candidate it does not wait for the first bytes) and the guard sees it from
 * the start. The protocol is chosen later by {@link GuardedConnection}.
 */
final class GuardedSelector implements ServerConnectionSelector {
  private final ConnectionGuard guard;
  private final ServerConnectionSelector http1;
  private final ServerConnectionSelector http2;

  GuardedSelector(
      ConnectionGuard guard, ServerConnectionSelector http1, ServerConnectionSelector http2) {
    this.guard = guard;
    this.http1 = http1;
    this.http2 = http2;
  }

  @Override
  public int bytesToIdentifyConnection() {
    return 0;
  }

  @Override
  public Support supports(BufferData request) {
    return Support.SUPPORTED;
  }

  @Override
  public Set<String> supportedApplicationProtocols() {
    return Set.of("h2", "http/1.1");
  }

  @Override
  public ServerConnection connection(ConnectionContext ctx) {
    return new GuardedConnection(ctx, guard, http1, http2);
  }
}
