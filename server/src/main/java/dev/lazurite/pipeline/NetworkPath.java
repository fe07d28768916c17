package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;

/**
 * Where a request crossed the network: the client's address, the socket peer (a trusted proxy when
 * it differs from the client) and the listener it arrived on, which names a private endpoint when
 * it is one. A call this server makes for an account crosses no network ({@link #internal}).
 *
 * @param source the client address ({@code X-Forwarded-For} through a trusted proxy), empty for
 *     internal calls
 * @param peer the socket peer, empty for internal calls
 * @param listener the local address and port, empty for internal calls
 */
public record NetworkPath(
    String source, String peer, InetSocketAddress listener, boolean internal) {
  private static final InetSocketAddress NOWHERE = InetSocketAddress.createUnresolved("", 0);

  public NetworkPath {
    requireNonNull(source, "source is null");
    requireNonNull(peer, "peer is null");
    requireNonNull(listener, "listener is null");
  }

  /** The path of a request that has not been placed (tests and unrouted requests). */
  public static final NetworkPath UNKNOWN = new NetworkPath("", "", NOWHERE, false);

  static NetworkPath of(Origin origin) {
    return switch (origin) {
      case Origin.Remote remote ->
          new NetworkPath(
              remote.client().getHostAddress(),
              remote.peer().getHostAddress(),
              remote.local(),
              false);
      case Origin.Internal internal -> new NetworkPath("", "", NOWHERE, true);
    };
  }

  /** The trusted proxy the request came through, when the peer is not the client itself. */
  public String proxy() {
    return internal || peer.equals(source) ? "" : peer;
  }
}
