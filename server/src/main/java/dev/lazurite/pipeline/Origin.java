package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/** Where a request came from: a client over the network, or a component of this server. */
public sealed interface Origin {
  /**
   * A request that arrived on a listener.
   *
   * @param client the caller: the socket peer, or what a trusted proxy says in {@code
   *     X-Forwarded-For}
   * @param peer the socket peer
   * @param local the listener address the request arrived on
   * @param secure whether it came over TLS
   * @param resource the resource the endpoint it was sent to names (its path prefix or host name);
   *     empty at the bare listener root
   */
  record Remote(
      InetAddress client,
      InetAddress peer,
      InetSocketAddress local,
      boolean secure,
      Optional<String> resource)
      implements Origin {
    public Remote {
      requireNonNull(client, "client is null");
      requireNonNull(peer, "peer is null");
      requireNonNull(local, "local is null");
      requireNonNull(resource, "resource is null");
    }

    /** A request at the bare listener root. */
    public Remote(InetAddress client, InetAddress peer, InetSocketAddress local, boolean secure) {
      this(client, peer, local, secure, Optional.empty());
    }

    public static Remote loopback() {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      return new Remote(loopback, loopback, new InetSocketAddress(loopback, 0), false);
    }
  }

  /**
   * A call a component makes on behalf of an account (a search vectorizer, On Your Data's query
   * embedding, an indexer, a batch line). It skips network rules and credentials, and everything
   * else applies: the deployment is found in that account only, and quota, metering and pool
   * failover count it.
   *
   * @param purpose what made the call, recorded as the caller (e.g. {@code search-vectorizer})
   */
  record Internal(String account, String purpose) implements Origin {
    public Internal {
      requireNonNull(account, "account is null");
      requireNonNull(purpose, "purpose is null");
    }
  }
}
