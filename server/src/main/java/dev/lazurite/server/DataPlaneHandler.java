package dev.lazurite.server;

import dev.lazurite.backend.Ids;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Facts;
import dev.lazurite.pipeline.Pipeline;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import io.helidon.http.Header;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge of the data plane: turns a request under {@code /openai} into an {@link Exchange},
 * runs the pipeline, and writes its answer with the headers every Azure OpenAI response carries.
 * Unexpected failures become a generic 500; their detail goes to the log only.
 */
final class DataPlaneHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(DataPlaneHandler.class);

  private final Pipeline pipeline;
  private final long maxBodyBytes;
  private final String defaultRegion;
  private final TrustedProxies proxies;

  DataPlaneHandler(
      Pipeline pipeline, long maxBodyBytes, String defaultRegion, TrustedProxies proxies) {
    this.proxies = proxies;
    this.pipeline = pipeline;
    this.maxBodyBytes = maxBodyBytes;
    this.defaultRegion = defaultRegion;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    long received = System.nanoTime();
    String requestId = Ids.requestId();
    Map<String, String> headers = headers(req);
    Facts facts = new Facts();
    try {
      Route route =
          RouteParser.parse(
              req.prologue().method().text(),
              req.path().rawPath(),
              req.query().first("api-version").orElse(""));
      byte[] body = BodyReader.read(req, maxBodyBytes);
      var exchange =
          new Exchange(
              new Exchange.Request(
                  requestId, route, headers, body, connection(req, headers), received, facts));
      Response response = pipeline.execute(exchange);
      writeHeaders(res, requestId, headers, facts, response.headers());
      switch (response) {
        case Response.Json json -> {
          res.status(Status.create(json.status()));
          res.header("Content-Type", "application/json");
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
          }
        }
      }
    } catch (ApiException e) {
      writeError(res, requestId, headers, facts, e);
    } catch (UncheckedIOException e) {
      LOG.debug("client {} went away: {}", requestId, e.toString());
    } catch (RuntimeException e) {
      LOG.error("request {} failed", requestId, e);
      writeError(res, requestId, headers, facts, ApiException.of(ErrorCode.INTERNAL));
    }
  }

  private void writeError(
      ServerResponse res,
      String requestId,
      Map<String, String> headers,
      Facts facts,
      ApiException e) {
    if (res.isSent()) {
      return;
    }
    writeHeaders(res, requestId, headers, facts, e.headers());
    if (e.errorCode() == ErrorCode.PUBLIC_ACCESS_DISABLED
        || e.errorCode() == ErrorCode.NETWORK_DENIED) {
      res.header("policy-id", "ThrowExceptionDueToTrafficDenied");
    }
    res.status(Status.create(e.errorCode().status()));
    res.header("Content-Type", "application/json");
    res.send(ErrorRenderer.render(e));
  }

  private void writeHeaders(
      ServerResponse res,
      String requestId,
      Map<String, String> request,
      Facts facts,
      Map<String, String> extra) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("apim-request-id", requestId);
    out.put("x-request-id", Ids.requestId());
    out.put("x-ms-client-request-id", request.getOrDefault("x-ms-client-request-id", requestId));
    out.put("x-ms-region", facts.account().map(a -> a.region()).orElse(defaultRegion));
    facts.deployment().ifPresent(d -> out.put("x-ms-deployment-name", d.deployment().name()));
    out.putAll(extra);
    out.forEach(res::header);
  }

  private static Map<String, String> headers(ServerRequest req) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : req.headers()) {
      headers.putIfAbsent(header.headerName().lowerCase(), header.get());
    }
    return headers;
  }

  private Exchange.Connection connection(ServerRequest req, Map<String, String> headers) {
    InetAddress peer =
        req.remotePeer().address() instanceof InetSocketAddress socket
            ? socket.getAddress()
            : InetAddress.getLoopbackAddress();
    InetSocketAddress local =
        req.localPeer().address() instanceof InetSocketAddress socket
            ? socket
            : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    return new Exchange.Connection(
        proxies.client(peer, headers.getOrDefault("x-forwarded-for", "")),
        peer,
        local,
        req.isSecure());
  }
}
