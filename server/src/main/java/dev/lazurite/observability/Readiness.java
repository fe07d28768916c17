package dev.lazurite.observability;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.EdgeResponses;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /readyz} for load balancers: 200 when every dependency this instance needs answers
 * (the store; Redis when quota counters live there), 503 naming the one that does not. {@code
 * /healthz} says whether the process serves at all. Details (such as whether the embedded content
 * classifier still trains) are shown beside the checks and do not decide readiness.
 */
public final class Readiness implements Handler {
  /** One dependency and how to tell that it answers; a check never throws. */
  public record Check(String name, BooleanSupplier reachable) {
    public Check {
      requireNonNull(name, "name is null");
      requireNonNull(reachable, "reachable is null");
    }
  }

  /** Something shown beside the checks that does not decide readiness; never throws. */
  public record Detail(String name, Supplier<String> value) {
    public Detail {
      requireNonNull(name, "name is null");
      requireNonNull(value, "value is null");
    }
  }

  private final List<Check> checks;
  private final List<Detail> details;

  public Readiness(List<Check> checks) {
    this(checks, List.of());
  }

  public Readiness(List<Check> checks, List<Detail> details) {
    this.checks = List.copyOf(checks);
    this.details = List.copyOf(details);
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode results = Json.MAPPER.createObjectNode();
    boolean ready = true;
    for (Check check : checks) {
      boolean ok;
      try {
        ok = check.reachable().getAsBoolean();
      } catch (RuntimeException e) {
        ok = false;
      }
      ready &= ok;
      results.put(check.name(), ok ? "ok" : "unreachable");
    }
    body.put("status", ready ? "ready" : "not ready");
    body.set("checks", results);
    for (Detail detail : details) {
      body.put(detail.name(), detail.value().get());
    }
    EdgeResponses.json(res, ready ? 200 : 503, Json.write(body));
  }
}
