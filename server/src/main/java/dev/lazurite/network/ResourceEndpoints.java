package dev.lazurite.network;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/**
 * Each resource's own endpoint, which clients use exactly as printed. Without a host template it is
 * a path under the shared listener, {@code https://localhost:8443/accounts/{name}/}; with one it is
 * the resource's own host name on the listener's port, {@code
 * https://{name}.openai.example.internal:8443/}. Either way the bare listener root stays an
 * endpoint too, for the default resource.
 *
 * @param base the listener clients use, e.g. {@code https://localhost:8443}
 */
public record ResourceEndpoints(URI base, Optional<HostTemplate> hostTemplate) {
  /** The first path segment of a per-resource endpoint. */
  public static final String PATH_PREFIX = "accounts";

  public ResourceEndpoints {
    requireNonNull(base, "base is null");
    requireNonNull(hostTemplate, "hostTemplate is null");
  }

  /** The endpoint of a resource, ending in a slash as Azure prints it. */
  public String of(String resource) {
    if (hostTemplate.isPresent()) {
      int port = base.getPort();
      boolean standard =
          port < 0
              || ("https".equals(base.getScheme()) && port == 443)
              || ("http".equals(base.getScheme()) && port == 80);
      return base.getScheme()
          + "://"
          + hostTemplate.get().host(resource)
          + (standard ? "" : ":" + port)
          + "/";
    }
    return root() + "/" + PATH_PREFIX + "/" + resource + "/";
  }

  /** The listener root, without a trailing slash. */
  public String root() {
    String s = base.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Where a data-plane request was sent: the resource its endpoint names (from its path prefix or,
   * with a host template, its {@code Host} header) and the path below that endpoint. A request at
   * the bare root names no resource.
   *
   * @param rawPath the request path, runs of slashes already collapsed
   */
  public Target target(String hostHeader, String rawPath) {
    return target(hostTemplate, hostHeader, rawPath);
  }

  /**
   * Where a data-plane request was sent, as {@link #target(String, String)}: it needs only the host
   * template, not the listener's address.
   */
  public static Target target(
      Optional<HostTemplate> hostTemplate, String hostHeader, String rawPath) {
    String prefix = "/" + PATH_PREFIX + "/";
    if (rawPath.startsWith(prefix)) {
      int end = rawPath.indexOf('/', prefix.length());
      String name = rawPath.substring(prefix.length(), end < 0 ? rawPath.length() : end);
      return new Target(Optional.of(name), end < 0 ? "/" : rawPath.substring(end));
    }
    return new Target(hostTemplate.flatMap(t -> t.resource(hostHeader)), rawPath);
  }

  /**
   * @param resource the resource the endpoint names; empty at the bare root
   * @param path the path below the endpoint, starting with a slash
   */
  public record Target(Optional<String> resource, String path) {
    public Target {
      requireNonNull(resource, "resource is null");
      requireNonNull(path, "path is null");
    }
  }
}
