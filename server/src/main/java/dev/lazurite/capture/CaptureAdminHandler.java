package dev.lazurite.capture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.AdminAction;
import dev.lazurite.server.edge.AdminGuard;
import dev.lazurite.server.edge.AdminJson;
import dev.lazurite.server.edge.AdminQuery;
import dev.lazurite.server.edge.EdgeResponses;
import dev.lazurite.server.edge.RequestBody;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
  private static final List<String> LIST_PARAMS =
      List.of("since", "account", "deployment", "requestId", "limit");

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

  private void guarded(ServerRequest req, ServerResponse res, AdminAction action) {
    AdminAction.guarded(
        guard,
        req,
        res,
        (q, r) -> {
          try {
            action.run(q, r);
          } catch (CaptureService.NotFound e) {
            EdgeResponses.error(r, 404, e.code(), e.getMessage());
          }
        });
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
    var params = AdminQuery.of(req, clock, LIST_PARAMS);
    writer.flush();
    var query =
        new CaptureQuery(
            params.since(),
            params.param("account"),
            params.param("deployment"),
            params.param("requestId"),
            params.limit(CaptureQuery.MAX_LIMIT, 1000));
    send(res, 200, AdminJson.list(store.query(query), DiagnosticRecord::of));
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
    AdminJson.lines(
        res, line -> captures.forEach(c -> line.accept(Json.write(DiagnosticRecord.of(c)))));
  }

  private static void send(ServerResponse res, int status, JsonNode body) {
    AdminJson.send(res, status, body);
  }
}
