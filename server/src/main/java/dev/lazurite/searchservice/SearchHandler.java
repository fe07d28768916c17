package dev.lazurite.searchservice;

import dev.lazurite.auth.Principal;
import dev.lazurite.auth.TokenValidator;
import dev.lazurite.rbac.Permissions;
import dev.lazurite.rbac.RoleAssignment;
import dev.lazurite.search.http.SearchCall;
import dev.lazurite.search.http.SearchReply;
import dev.lazurite.server.TrustedProxies;
import dev.lazurite.server.edge.BodyRejected;
import dev.lazurite.server.edge.EdgeResponses;
import dev.lazurite.server.edge.RequestBody;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves each search service's REST API under {@code /search/<service>}: that URL is the endpoint a
 * search client is given. On a search service's private endpoint the service is the endpoint's, and
 * its API is also served at the root (what {@code https://<service>.search.windows.net} resolved to
 * the endpoint's address gives). Network rules come first, as Azure AI Search applies them: a
 * request that did not arrive through one of the service's private endpoints meets {@code
 * publicNetworkAccess} and the IP rules, and is refused with Search's bare 403. Keys come in the
 * {@code api-key} header.
 */
public final class SearchHandler implements Handler {
  public static final String PREFIX = "/search/";

  private final SearchServices services;
  private final Indexers indexers;
  private final Supplier<String> baseUrl;
  private final TokenValidator tokens;
  private final Supplier<List<RoleAssignment>> roles;
  private final TrustedProxies proxies;
  private static final String DOCUMENTS = "Microsoft.Search/searchServices/indexes/documents/";

  /**
   * @param baseUrl the server's public URL (HTTPS when there is a listener), without a trailing
   *     slash
   * @param tokens validates tokens for the search audience
   * @param roles the role assignments in force
   * @param proxies the proxies whose {@code X-Forwarded-For} names the client
   */
  public SearchHandler(
      SearchServices services,
      Indexers indexers,
      Supplier<String> baseUrl,
      TokenValidator tokens,
      Supplier<List<RoleAssignment>> roles,
      TrustedProxies proxies) {
    this.proxies = proxies;
    this.services = services;
    this.indexers = indexers;
    this.tokens = tokens;
    this.roles = roles;
    this.baseUrl = baseUrl;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    long started = System.nanoTime();
    String requestId =
        req.headers()
            .first(HeaderNames.create("x-ms-client-request-id"))
            .orElseGet(() -> EdgeResponses.requestId(req));
    res.header("request-id", requestId);
    res.header("OData-Version", "4.0");
    String raw = req.path().rawPath();
    InetSocketAddress local = local(req);
    Optional<SearchService> privately =
        services.list().stream().filter(s -> s.network().at(local).isPresent()).findFirst();
    String name;
    String path;
    if (raw.startsWith(PREFIX)) {
      String rest = raw.substring(PREFIX.length());
      int slash = rest.indexOf('/');
      name = slash < 0 ? rest : rest.substring(0, slash);
      path = slash < 0 ? "" : rest.substring(slash);
    } else if (privately.isPresent()) {
      name = privately.get().name();
      path = raw.equals("/") ? "" : raw;
    } else {
      name = "";
      path = raw;
    }
    if (services.get(name).isEmpty()) {
      send(
          res,
          started,
          SearchReply.error(
              new dev.lazurite.search.SearchException(
                  404, "", "No search service named '" + name + "' exists on this server.")));
      return;
    }
    var verdict = services.get(name).orElseThrow().network().admit(client(req), local);
    switch (verdict) {
      case ALLOWED -> {}
      case PUBLIC_ACCESS_DISABLED, FIREWALL -> {
        // Azure AI Search answers a request its network rules refuse with a bare 403.
        send(res, started, SearchReply.empty(403));
        return;
      }
    }
    SearchCall.Access access;
    try {
      access = access(req, name);
    } catch (dev.lazurite.search.SearchException e) {
      send(res, started, SearchReply.error(e));
      return;
    }
    byte[] body;
    try {
      body = RequestBody.read(req, res);
    } catch (BodyRejected e) {
      send(
          res,
          started,
          SearchReply.error(
              new dev.lazurite.search.SearchException(e.status(), "", e.getMessage())));
      return;
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String n : req.query().names()) {
      query.put(n, req.query().all(n));
    }
    Map<String, String> headers = new HashMap<>();
    req.headers()
        .forEach(h -> headers.putIfAbsent(h.name().toLowerCase(java.util.Locale.ROOT), h.get()));
    var call = new SearchCall(req.prologue().method().text(), path, query, headers, body, access);
    String endpoint = baseUrl.get() + PREFIX + name;
    send(
        res,
        started,
        Indexers.handles(path)
            ? indexers.handle(name, call, endpoint)
            : services.api(name).handle(call, endpoint));
  }

  /**
   * What the caller may do: by key (admin or query) in {@code api-key}, or by a bearer token for
   * {@code https://search.azure.com} whose principal holds Search roles on the service.
   */
  private SearchCall.Access access(ServerRequest req, String name) {
    Optional<String> key = req.headers().first(HeaderNames.create("api-key"));
    Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
    if (key.isEmpty()
        && authorization.isPresent()
        && authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
      Principal.Entra principal =
          tokens
              .validate(authorization.get().substring(7).strip())
              .orElseThrow(
                  () ->
                      new dev.lazurite.search.SearchException(
                          401,
                          "",
                          "Access denied: the bearer token is not valid for https://search.azure.com."));
      SearchService service = services.get(name).orElseThrow();
      String scope =
          "/subscriptions/"
              + service.subscription()
              + "/resourceGroups/"
              + service.resourceGroup()
              + "/providers/Microsoft.Search/searchServices/"
              + service.name();
      var assignments = roles.get();
      var who = principal.assignees();
      var access =
          new SearchCall.Access(
              Permissions.allowsDataAction(assignments, who, scope, DOCUMENTS + "read"),
              Permissions.allowsDataAction(assignments, who, scope, DOCUMENTS + "write"),
              Permissions.allowsAction(
                  assignments, who, scope, "Microsoft.Search/searchServices/indexes/write"));
      if (!access.read() && !access.writeDocuments() && !access.manage()) {
        throw new dev.lazurite.search.SearchException(
            403,
            "",
            "Access denied: the principal '"
                + principal.objectId()
                + "' has no Search role on the service '"
                + name
                + "'.");
      }
      return access;
    }
    Optional<SearchServices.Access> byKey = services.authenticate(name, key.orElse(null));
    if (byKey.isEmpty()) {
      throw new dev.lazurite.search.SearchException(
          key.isPresent() ? 403 : 401,
          "",
          key.isPresent()
              ? "Access denied: the api-key is not a key of this search service."
              : "Access denied: send an admin or query key in the api-key header, or a bearer token.");
    }
    return byKey.get() == SearchServices.Access.ADMIN
        ? SearchCall.Access.ADMIN
        : SearchCall.Access.QUERY;
  }

  private static InetSocketAddress local(ServerRequest req) {
    return req.localPeer().address() instanceof InetSocketAddress socket
        ? socket
        : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private InetAddress client(ServerRequest req) {
    InetAddress peer =
        req.remotePeer().address() instanceof InetSocketAddress socket
            ? socket.getAddress()
            : InetAddress.getLoopbackAddress();
    return proxies.client(
        peer, req.headers().first(HeaderNames.create("x-forwarded-for")).orElse(""));
  }

  private static void send(ServerResponse res, long started, SearchReply reply) {
    res.status(Status.create(reply.status()));
    reply.headers().forEach(res::header);
    res.header("elapsed-time", Long.toString((System.nanoTime() - started) / 1_000_000));
    if (reply.contentType() != null) {
      res.header("Content-Type", reply.contentType());
    }
    if (reply.body().length == 0) {
      res.send();
    } else {
      res.send(reply.body());
    }
  }
}
