package dev.lazurite.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.AdminGuard;
import dev.lazurite.server.edge.BodyRejected;
import dev.lazurite.server.edge.EdgeResponses;
import dev.lazurite.server.edge.RequestBody;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Request/response capture's management API, used by {@code lazurite deployment capture …} and
 * {@code lazurite audit captures}: a deployment's capture policy ({@code GET}, {@code PUT}, {@code
 * DELETE} on {@value #POLICIES}{@code /{account}/deployments/{deployment}}), the captures as
 * Azure's {@code RequestResponse} diagnostic records, and their export as JSON lines. Protected by
 * the admin credential.
 */
public final class CaptureAdminHandler {
  public static final String POLICIES = "/lazurite/capture/accounts";
  public static final String CAPTURES = "/lazurite/audit/captures";
  private static final String POLICY = POLICIES + "/{account}/deployments/{deployment}";
  private static final Set<String> LIST_PARAMS =
      Set.of("since", "account", "deployment", "requestId", "limit", "api-version");

  private final CaptureService policies;
  private final CaptureStore store;
  private final CaptureWriter writer;
  private final AdminGuard guard;
  private final Clock clock;

  public CaptureAdminHandler(
      CaptureService policies,
      CaptureStore store,
      CaptureWriter writer,
      AdminGuard guard,
      Clock clock) {
    this.policies = policies;
    this.store = store;
    this.writer = writer;
    this.guard = guard;
    this.clock = clock;
  }

  public void routing(HttpRouting.Builder routing) {
    routing
        .get(POLICY, (req, res) -> guarded(req, res, this::getPolicy))
        .put(POLICY, (req, res) -> guarded(req, res, this::putPolicy))
        .delete(POLICY, (req, res) -> guarded(req, res, this::deletePolicy))
        .get(CAPTURES, (req, res) -> guarded(req, res, this::list))
        .get(CAPTURES + "/export", (req, res) -> guarded(req, res, this::export));
  }

  private interface Action {
    void run(ServerRequest req, ServerResponse res) throws IOException;
  }

  private void guarded(ServerRequest req, ServerResponse res, Action action) {
    if (!guard.check(req, res)) {
      return;
    }
    try {
      action.run(req, res);
    } catch (BodyRejected e) {
      EdgeResponses.error(res, e);
    } catch (CaptureService.NotFound e) {
      EdgeResponses.error(res, 404, e.code(), e.getMessage());
    } catch (IllegalArgumentException e) {
      EdgeResponses.error(res, 400, "InvalidRequestContent", e.getMessage());
    } catch (IOException e) {
      EdgeResponses.error(
          res,
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized.");
    }
  }

  private static String account(ServerRequest req) {
    return req.path().pathParameters().get("account");
  }

  private static String deployment(ServerRequest req) {
    return req.path().pathParameters().get("deployment");
  }

  private void getPolicy(ServerRequest req, ServerResponse res) {
    var policy = policies.get(account(req), deployment(req));
    send(res, 200, PolicyBody.json(account(req), deployment(req), policy));
  }

  private void putPolicy(ServerRequest req, ServerResponse res) throws IOException {
    byte[] content = RequestBody.read(req, res);
    JsonNode body = Json.parse(content);
    CapturePolicy policy = PolicyBody.parse(body);
    policies.put(account(req), deployment(req), policy);
    send(res, 200, PolicyBody.json(account(req), deployment(req), policy));
  }

  private void deletePolicy(ServerRequest req, ServerResponse res) {
    policies.delete(account(req), deployment(req));
    res.status(204).send();
  }

  private void list(ServerRequest req, ServerResponse res) {
    for (String name : req.query().names()) {
      if (!LIST_PARAMS.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown query parameter '"
                + name
                + "'; allowed: since, account, deployment, requestId, limit.");
      }
    }
    writer.flush();
    ArrayNode values = Json.MAPPER.createArrayNode();
    for (Capture c : store.query(query(req))) {
      values.add(DiagnosticRecord.of(c));
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.set("value", values);
    send(res, 200, out);
  }

  private CaptureQuery query(ServerRequest req) {
    return new CaptureQuery(
        param(req, "since").map(this::since),
        param(req, "account"),
        param(req, "deployment"),
        param(req, "requestId"),
        param(req, "limit").map(CaptureAdminHandler::limit).orElse(1000));
  }

  private void export(ServerRequest req, ServerResponse res) throws IOException {
    writer.flush();
    var captures =
        store.query(
            new CaptureQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                CaptureQuery.MAX_LIMIT));
    res.header("Content-Type", "application/x-ndjson");
    try (OutputStream out = res.outputStream()) {
      for (Capture c : captures) {
        out.write(Json.write(DiagnosticRecord.of(c)));
        out.write('\n');
      }
    }
  }

  private static Optional<String> param(ServerRequest req, String name) {
    return req.query().first(name).asOptional();
  }

  private Instant since(String text) {
    try {
      return text.startsWith("P") || text.startsWith("p")
          ? clock.instant().minus(Duration.parse(text))
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid value for since: '" + text + "'; give an ISO-8601 instant or a duration.");
    }
  }

  private static int limit(String text) {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid value for limit: '" + text + "'.");
    }
    if (value < 1 || value > CaptureQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + CaptureQuery.MAX_LIMIT + ".");
    }
    return value;
  }

  private static void send(ServerResponse res, int status, JsonNode body) {
    EdgeResponses.json(res, status, Json.write(body));
  }
}
