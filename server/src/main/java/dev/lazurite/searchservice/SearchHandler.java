package dev.lazurite.searchservice;

import dev.lazurite.search.http.SearchCall;
import dev.lazurite.search.http.SearchReply;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Serves each search service's REST API under {@code /search/<service>}: that URL is the endpoint a
 * search client is given. Keys come in the {@code api-key} header.
 */
public final class SearchHandler implements Handler {
  public static final String PREFIX = "/search/";
  private static final int MAX_BODY = 16 << 20;

  private final SearchServices services;
  private final Indexers indexers;
  private final Supplier<String> baseUrl;

  /**
   * @param baseUrl the server's public URL (HTTPS when there is a listener), without a trailing
   *     slash
   */
  public SearchHandler(SearchServices services, Indexers indexers, Supplier<String> baseUrl) {
    this.services = services;
    this.indexers = indexers;
    this.baseUrl = baseUrl;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    long started = System.nanoTime();
    String requestId =
        req.headers()
            .first(HeaderNames.create("x-ms-client-request-id"))
            .orElse(UUID.randomUUID().toString());
    res.header("request-id", requestId);
    res.header("OData-Version", "4.0");
    String raw = req.path().rawPath();
    String rest = raw.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String name = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    if (services.get(name).isEmpty()) {
      send(
          res,
          started,
          SearchReply.error(
              new dev.lazurite.search.SearchException(
                  404, "", "No search service named '" + name + "' exists on this server.")));
      return;
    }
    Optional<SearchServices.Access> access =
        services.authenticate(
            name, req.headers().first(HeaderNames.create("api-key")).orElse(null));
    if (access.isEmpty()) {
      boolean presented = req.headers().contains(HeaderNames.create("api-key"));
      send(
          res,
          started,
          SearchReply.error(
              new dev.lazurite.search.SearchException(
                  presented ? 403 : 401,
                  "",
                  presented
                      ? "Access denied: the api-key is not a key of this search service."
                      : "Access denied: send an admin or query key in the api-key header.")));
      return;
    }
    byte[] body;
    try (InputStream in = req.content().inputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (body.length > MAX_BODY) {
      send(
          res,
          started,
          SearchReply.error(
              new dev.lazurite.search.SearchException(
                  413, "", "The request body is larger than 16 MB.")));
      return;
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String n : req.query().names()) {
      query.put(n, req.query().all(n));
    }
    Map<String, String> headers = new HashMap<>();
    req.headers()
        .forEach(h -> headers.putIfAbsent(h.name().toLowerCase(java.util.Locale.ROOT), h.get()));
    var call =
        new SearchCall(
            req.prologue().method().text(),
            path,
            query,
            headers,
            body,
            access.get() == SearchServices.Access.ADMIN);
    String endpoint = baseUrl.get() + PREFIX + name;
    send(
        res,
        started,
        Indexers.handles(path)
            ? indexers.handle(name, call, endpoint)
            : services.api(name).handle(call, endpoint));
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
