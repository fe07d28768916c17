package dev.lazurite.server;

import dev.lazurite.backend.Ids;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import dev.lazurite.network.HostTemplate;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Outcome;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.server.edge.BodyRejected;
import dev.lazurite.server.edge.EdgeResponses;
import dev.lazurite.server.edge.RequestBody;
import dev.lazurite.server.edge.StreamedBody;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge of the data plane: turns a request under {@code /openai} of the bare root or of a
 * resource's endpoint ({@code /accounts/{name}/openai}, or a templated host name) into an {@link
 * Exchange} that names the resource, runs its operation's pipeline, and writes its answer with the
 * headers every Azure OpenAI response carries. A path no operation has and a body over the limit
 * are refused here and still recorded by the pipeline's listener. A multipart body (a file upload)
 * is not read here: its operation's stage reads it as it arrives.
 */
final class DataPlaneHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(DataPlaneHandler.class);
  private static final HeaderName APIM_REQUEST_ID = HeaderNames.create("apim-request-id");
  private static final HeaderName X_REQUEST_ID = HeaderNames.create("x-request-id");
  private static final HeaderName CLIENT_REQUEST_ID = HeaderNames.create("x-ms-client-request-id");
  private static final HeaderName REGION = HeaderNames.create("x-ms-region");
  private static final HeaderName DEPLOYMENT_NAME = HeaderNames.create("x-ms-deployment-name");

  private final Pipelines pipelines;
  private final String defaultRegion;
  private final TrustedProxies proxies;
  private final Optional<HostTemplate> hostTemplate;

  /**
   * @param hostTemplate how a resource's own host name names it, when resources have host names
   */
  DataPlaneHandler(
      Pipelines pipelines,
      String defaultRegion,
      TrustedProxies proxies,
      Optional<HostTemplate> hostTemplate) {
    this.proxies = proxies;
    this.hostTemplate = hostTemplate;
    this.pipelines = pipelines;
    this.defaultRegion = defaultRegion;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    long received = System.nanoTime();
    String requestId = EdgeResponses.requestId(req);
    Map<String, String> headers = headers(req);
    ResourceEndpoints.Target target =
        ResourceEndpoints.target(
            hostTemplate, headers.getOrDefault("host", ""), req.path().rawPath());
    Route route;
    try {
      route =
          RouteParser.parse(
              req.prologue().method().text(),
              target.path(),
              req.query().first("api-version").orElse(""));
    } catch (ApiException e) {
      pipelines.rejectUnrouted(requestId, received, e);
      writeError(res, requestId, headers, Optional.empty(), e);
      return;
    }
    Origin.Remote origin = origin(req, headers, target.resource());
    Outcome outcome;
    try {
      outcome =
          execute(
              req,
              res,
              new Exchange.Request(
                  requestId,
                  route,
                  headers,
                  query(req),
                  new byte[0],
                  Optional.empty(),
                  origin,
                  received));
    } catch (UncheckedIOException e) {
      LOG.debug("client {} went away: {}", requestId, e.toString());
      return;
    } catch (RuntimeException e) {
      LOG.error("request {} failed", requestId, e);
      writeError(res, requestId, headers, Optional.empty(), ApiException.of(ErrorCode.INTERNAL));
      return;
    }
    switch (outcome) {
      case Outcome.Answered answered -> write(res, requestId, headers, answered);
      case Outcome.Failed failed ->
          writeError(res, requestId, headers, Optional.of(failed.exchange()), failed.error());
    }
  }

  /**
   * Reads the body at the edge's limit, then runs the route's pipeline; a refused body is recorded.
   */
  private Outcome execute(ServerRequest req, ServerResponse res, Exchange.Request bodiless) {
    if (bodiless.route().operation().body() == Operation.BodyKind.MULTIPART) {
      // Uploads are read part by part by their operation's stage, never whole here.
      StreamedBody stream = StreamedBody.of(req);
      Outcome outcome =
          pipelines.execute(new Exchange(bodiless.withBody(new byte[0], Optional.of(stream))));
      stream.finish(res);
      return outcome;
    }
    byte[] body;
    try {
      body = RequestBody.read(req, res);
    } catch (BodyRejected e) {
      return pipelines
          .of(bodiless.route().operation())
          .reject(new Exchange(bodiless), e.toApiException());
    }
    return pipelines.execute(new Exchange(bodiless.withBody(body, Optional.empty())));
  }

  private void write(
      ServerResponse res, String requestId, Map<String, String> headers, Outcome.Answered done) {
    Response response = done.response();
    writeHeaders(res, requestId, headers, Optional.of(done.exchange()), response.headers());
    switch (response) {
      case Response.Json json -> {
        res.status(Status.create(json.status()));
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(Json.writeWire(json.body()));
      }
      case Response.Stream stream -> {
        res.status(Status.OK_200);
        res.header("Content-Type", "text/event-stream");
        res.header("Cache-Control", "no-cache");
        res.header("x-accel-buffering", "no");
        try (OutputStream out = res.outputStream()) {
          SseWriter.write(stream.events(), out);
        } catch (UncheckedIOException | IOException e) {
          LOG.debug("client {} left mid-stream: {}", requestId, e.toString());
        } catch (ApiException e) {
          LOG.debug("stream {} ended with {}", requestId, e.errorCode());
        }
      }
      case Response.Bytes bytes -> {
        res.status(Status.OK_200);
        res.header("Content-Type", bytes.contentType());
        res.contentLength(bytes.length());
        try (var in = bytes.content();
            OutputStream out = res.outputStream()) {
          in.transferTo(out);
        } catch (UncheckedIOException | IOException e) {
          LOG.debug("client {} left mid-download: {}", requestId, e.toString());
        }
      }
    }
  }

  private void writeError(
      ServerResponse res,
      String requestId,
      Map<String, String> headers,
      Optional<Exchange> reached,
      ApiException e) {
    if (res.isSent()) {
      return;
    }
    writeHeaders(res, requestId, headers, reached, e.headers());
    if (e.errorCode() == ErrorCode.PUBLIC_ACCESS_DISABLED
        || e.errorCode() == ErrorCode.NETWORK_DENIED) {
      res.header("policy-id", "ThrowExceptionDueToTrafficDenied");
    }
    res.status(Status.create(e.errorCode().status()));
    res.header(HeaderValues.CONTENT_TYPE_JSON);
    res.send(ErrorRenderer.render(e));
  }

  private void writeHeaders(
      ServerResponse res,
      String requestId,
      Map<String, String> request,
      Optional<Exchange> reached,
      Map<String, String> extra) {
    // Set one by one (a later value for the same name replaces an earlier one): every answer
    // carries these, so they are not gathered in a map first.
    res.header(APIM_REQUEST_ID, requestId);
    res.header(X_REQUEST_ID, Ids.requestId());
    res.header(CLIENT_REQUEST_ID, request.getOrDefault("x-ms-client-request-id", requestId));
    Exchange exchange = reached.orElse(null);
    var account = exchange == null ? null : exchange.accountIfKnown().orElse(null);
    res.header(REGION, account == null ? defaultRegion : account.region());
    var deployment = exchange == null ? null : exchange.deploymentIfKnown().orElse(null);
    if (deployment != null) {
      res.header(DEPLOYMENT_NAME, deployment.deployment().name());
    }
    extra.forEach(res::header);
  }

  private static Map<String, String> query(ServerRequest req) {
    Map<String, String> query = new HashMap<>();
    for (String name : req.query().names()) {
      req.query().first(name).ifPresent(value -> query.put(name, value));
    }
    return query;
  }

  private static Map<String, String> headers(ServerRequest req) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : req.headers()) {
      headers.putIfAbsent(header.headerName().lowerCase(), header.get());
    }
    return headers;
  }

  private Origin.Remote origin(
      ServerRequest req, Map<String, String> headers, Optional<String> resource) {
    InetAddress peer =
        req.remotePeer().address() instanceof InetSocketAddress socket
            ? socket.getAddress()
            : InetAddress.getLoopbackAddress();
    InetSocketAddress local =
        req.localPeer().address() instanceof InetSocketAddress socket
            ? socket
            : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    return new Origin.Remote(
        proxies.client(peer, headers.getOrDefault("x-forwarded-for", "")),
        peer,
        local,
        req.isSecure(),
        resource);
  }
}
