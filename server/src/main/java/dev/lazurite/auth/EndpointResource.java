package dev.lazurite.auth;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.network.PrivateEndpoint;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The resource a request's endpoint names, against which its key or token is resolved: the
 * endpoint's path prefix or templated host name ({@link Origin.Remote#resource()}), else the
 * private endpoint it arrived through, else a host name of Azure's shape ({@code
 * {name}.openai.azure.com}, {@code {name}.privatelink.openai.azure.com}) that names an existing
 * resource. A request at the bare listener root names none.
 */
public final class EndpointResource {
  /** The resource tokens reach at the bare listener root. */
  public static final String DEFAULT_ACCOUNT = "lazurite";

  private EndpointResource() {}

  /**
   * The resource the endpoint names; empty at the bare root.
   *
   * @throws ApiException 404 when the endpoint names a resource that does not exist
   */
  public static Optional<AccountRuntime> named(
      Origin.Remote remote, String host, RuntimeSnapshot snapshot) {
    if (remote.resource().isPresent()) {
      return Optional.of(
          snapshot
              .account(remote.resource().get())
              .orElseThrow(() -> ApiException.of(ErrorCode.RESOURCE_NOT_FOUND)));
    }
    Optional<PrivateEndpoint> endpoint = snapshot.privateEndpointAt(remote.local());
    if (endpoint.isPresent()) {
      return Optional.of(
          snapshot
              .account(endpoint.get().account())
              .orElseThrow(() -> ApiException.of(ErrorCode.RESOURCE_NOT_FOUND)));
    }
    return namedByHost(host, snapshot);
  }

  /**
   * The resource named by the endpoint, else the default resource (where tokens go at the root).
   */
  public static Optional<AccountRuntime> orDefault(
      Origin.Remote remote, String host, RuntimeSnapshot snapshot) {
    Optional<AccountRuntime> named = named(remote, host, snapshot);
    if (named.isPresent()) {
      return named;
    }
    return fallback(snapshot);
  }

  /**
   * The resource a printed endpoint URL names (a vectorizer's {@code resourceUri}): its {@code
   * /accounts/{name}/} path, else its host name, else the default resource.
   */
  public static Optional<AccountRuntime> ofUrl(String url, RuntimeSnapshot snapshot) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String prefix = "/" + ResourceEndpoints.PATH_PREFIX + "/";
    if (path.startsWith(prefix)) {
      int end = path.indexOf('/', prefix.length());
      return snapshot.account(path.substring(prefix.length(), end < 0 ? path.length() : end));
    }
    Optional<AccountRuntime> named =
        namedByHost(uri.getHost() == null ? "" : uri.getHost(), snapshot);
    return named.isPresent() ? named : fallback(snapshot);
  }

  /** The default resource; with a single resource, that one. */
  private static Optional<AccountRuntime> fallback(RuntimeSnapshot snapshot) {
    Optional<AccountRuntime> fallback = snapshot.account(DEFAULT_ACCOUNT);
    if (fallback.isPresent() || snapshot.accounts().size() != 1) {
      return fallback;
    }
    return snapshot.accounts().values().stream().findFirst();
  }

  /** The account a host name such as {@code team-a.openai.azure.com} names, if it exists. */
  static Optional<AccountRuntime> namedByHost(String host, RuntimeSnapshot snapshot) {
    String label = host.toLowerCase(Locale.ROOT);
    int dot = label.indexOf('.');
    return dot > 0 && !label.substring(0, dot).chars().allMatch(c -> Character.isDigit(c))
        ? snapshot.account(label.substring(0, dot))
        : Optional.empty();
  }
}
