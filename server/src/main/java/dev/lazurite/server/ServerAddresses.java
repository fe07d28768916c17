package dev.lazurite.server;

import static java.util.Objects.requireNonNull;

import dev.lazurite.network.HostTemplate;
import dev.lazurite.network.ResourceEndpoints;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import java.net.URI;
import java.util.Optional;

/**
 * The addresses clients are given: the shared listeners' URLs and each resource's endpoint. A
 * listener on port 0 has its port only once it is bound, after the handlers that print addresses
 * exist, so they read them here per request; until then those handlers answer 503.
 */
public final class ServerAddresses {
  private final Optional<HostTemplate> hostTemplate;
  private volatile Bound bound;

  /**
   * @param plain the HTTP listener's URL
   * @param secure the HTTPS listener's URL, when there is one
   * @param resources each resource's endpoint, on the listener clients should use
   */
  private record Bound(URI plain, Optional<URI> secure, ResourceEndpoints resources) {}

  public ServerAddresses(Optional<HostTemplate> hostTemplate) {
    this.hostTemplate = requireNonNull(hostTemplate, "hostTemplate is null");
  }

  /** Called once, when every shared listener is bound. */
  void bind(URI plain, Optional<URI> secure) {
    if (bound != null) {
      throw new IllegalStateException("the addresses are bound already");
    }
    bound = new Bound(plain, secure, new ResourceEndpoints(secure.orElse(plain), hostTemplate));
  }

  /** The HTTP listener's URL. */
  public URI plain() {
    return bound().plain();
  }

  /** The URL clients should use: HTTPS when there is a listener for it. */
  public String preferred() {
    return bound().resources().root();
  }

  /** Each resource's endpoint on the preferred listener. */
  public ResourceEndpoints resources() {
    return bound().resources();
  }

  /** A handler that answers 503 until the addresses it prints are known. */
  Handler whenBound(Handler handler) {
    return (req, res) -> {
      if (bound == null) {
        res.status(Status.SERVICE_UNAVAILABLE_503).send();
        return;
      }
      handler.handle(req, res);
    };
  }

  private Bound bound() {
    Bound current = bound;
    if (current == null) {
      throw new IllegalStateException("the listeners are not bound yet");
    }
    return current;
  }
}
