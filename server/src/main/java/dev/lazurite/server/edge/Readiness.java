package dev.lazurite.server.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: 200 when every listener accepts connections, 503 when one does not, with
 * each listener's name, port and state, and the connection counts.
 */
public final class Readiness implements Handler {
  private final Supplier<List<Listener>> listeners;
  private final ConnectionGuard guard;

  public Readiness(Supplier<List<Listener>> listeners, ConnectionGuard guard) {
    this.listeners = listeners;
    this.guard = guard;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    boolean ready = true;
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (Listener listener : listeners.get()) {
      ready &= listener.serving();
      list.addObject()
          .put("name", listener.name())
          .put("port", listener.port())
          .put("tls", listener.hasTls())
          .put("status", listener.serving() ? "serving" : "down")
          .put("restarts", listener.restarts());
    }
    body.put("status", ready ? "ok" : "degraded");
    body.set("listeners", list);
    body.putObject("connections")
        .put("open", guard.openConnections())
        .put("max", guard.maxConnections())
        .put("shed", guard.shedConnections());
    EdgeResponses.json(res, ready ? 200 : 503, Json.write(body));
  }
}
