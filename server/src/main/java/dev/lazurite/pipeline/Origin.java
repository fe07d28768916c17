package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import dev.lazurite.auth.Principal;
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
   * @param onBehalfOf the signed-in user a portal page calls for (the playground): the call is then
   *     that user's, authorised by its data actions and recorded under its object id
   * @param browser the address of the browser a portal page calls from: the account's public
   *     network rules apply to it as to a request that browser sent itself
   */
  record Internal(
      String account,
      String purpose,
      Optional<Principal.Entra> onBehalfOf,
      Optional<InetAddress> browser)
      implements Origin {
    public Internal {
      requireNonNull(account, "account is null");
      requireNonNull(purpose, "purpose is null");
      requireNonNull(onBehalfOf, "onBehalfOf is null");
      requireNonNull(browser, "browser is null");
    }

    /** A call the server makes for the account itself. */
    public Internal(String account, String purpose) {
      this(account, purpose, Optional.empty(), Optional.empty());
    }
  }
}
