package dev.lazurite.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.capture.Capture;
import dev.lazurite.capture.CaptureAdminHandler;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.AdminGuard;
import dev.lazurite.server.edge.AdminJson;
import dev.lazurite.server.edge.AdminQuery;
import dev.lazurite.trace.TraceLog;
import dev.lazurite.trace.TraceRecord;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's management API, used by {@code lazurite audit …}: list with filters (the {@code
 * Audit} records, or with {@code category=Trace} every instance's trace records when the trace log
 * is on, else none), export as JSON lines, verify the store or the files, and the checkpoint
 * signing key's public half. Protected by the admin credential.
 */
public final class AuditAdminHandler {
  public static final String BASE = "/lazurite/audit";
  private static final List<String> LIST_PARAMS =
      List.of("since", "principal", "deployment", "status", "category", "limit");

  private final AuditLog log;
  private final AuditWriter writer;
  private final Optional<TraceLog> traces;
  private final AdminGuard guard;
  private final Clock clock;

  public AuditAdminHandler(
      AuditLog log, AuditWriter writer, Optional<TraceLog> traces, AdminGuard guard, Clock clock) {
    this.log = log;
    this.writer = writer;
    this.traces = traces;
    this.guard = guard;
    this.clock = clock;
  }

  public void routing(HttpRouting.Builder routing) {
    routing
        .get(BASE + "/records", (req, res) -> guarded(req, res, this::list))
        .get(BASE + "/export", (req, res) -> guarded(req, res, this::export))
        .get(BASE + "/verify", (req, res) -> guarded(req, res, this::verify))
        .get(BASE + "/key", (req, res) -> guarded(req, res, this::key));
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
    } catch (IllegalArgumentException e) {
      send(res, 400, error("InvalidRequestParameter", e.getMessage()));
    } catch (IOException | java.io.UncheckedIOException e) {
      send(res, 500, error("InternalServerError", "The audit log could not be read."));
    }
  }

  private void list(ServerRequest req, ServerResponse res) {
    var params = AdminQuery.of(req, clock, LIST_PARAMS);
    Optional<String> category = category(params.param("category"));
    int limit = params.limit(AuditQuery.MAX_LIMIT, 1000);
    if (category.isPresent() && category.get().equals(TraceRecord.CATEGORY)) {
      // With the Trace category off, nothing is kept: the list is empty.
      var found =
          traces
              .map(
                  t ->
                      t.query(
                          params.since(),
                          params.param("principal"),
                          params.param("deployment"),
                          params.param("status"),
                          limit))
              .orElse(List.of());
      send(res, 200, AdminJson.list(found, TraceRecord::json));
      return;
    }
    writer.flush();
    var query =
        new AuditQuery(
            params.since(),
            params.param("principal"),
            params.param("deployment"),
            params.param("status"),
            category,
            limit);
    send(res, 200, AdminJson.list(log.store().query(query), AuditAdminHandler::json));
  }

  /**
   * The category filter: the audit log holds Azure's {@code Audit} category and the trace log its
   * {@code Trace} category; {@code RequestResponse} records are the captures, listed on their own
   * route.
   */
  private static Optional<String> category(Optional<String> category) {
    if (category.isEmpty()
        || category.get().equals(AuditEntry.AUDIT)
        || category.get().equals(TraceRecord.CATEGORY)) {
      return category;
    }
    if (category.get().equals(Capture.CATEGORY)) {
      throw new IllegalArgumentException(
          "The audit records are of category Audit; RequestResponse records are listed at "
              + CaptureAdminHandler.CAPTURES
              + ".");
    }
    throw new IllegalArgumentException(
        "Invalid value for category: '"
            + category.get()
            + "'; allowed: Audit, RequestResponse, Trace.");
  }

  private void export(ServerRequest req, ServerResponse res) throws IOException {
    writer.flush();
    var canonical = new Canonical();
    AdminJson.lines(
        res,
        line -> log.export(r -> line.accept(canonical.line(r).getBytes(StandardCharsets.UTF_8))));
  }

  private void verify(ServerRequest req, ServerResponse res) throws IOException {
    String sink = AdminQuery.param(req, "sink").orElse("store");
    writer.flush();
    List<Verification> results =
        switch (sink) {
          case "store" -> log.verifyStore();
          case "file" -> {
            if (log.files().isEmpty()) {
              throw new IllegalArgumentException("The JSON-lines file sink is off.");
            }
            yield log.verifyFiles();
          }
          default ->
              throw new IllegalArgumentException(
                  "Invalid value for sink: '" + sink + "'; allowed: store, file.");
        };
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("sink", sink);
    out.put("intact", results.stream().allMatch(Verification::intact));
    out.set("streams", Json.MAPPER.valueToTree(results));
    send(res, 200, out);
  }

  private void key(ServerRequest req, ServerResponse res) {
    send(
        res,
        200,
        Json.MAPPER
            .createObjectNode()
            .put("algorithm", "Ed25519")
            .put("publicKey", log.signer().publicKey()));
  }

  /** A record as its JSON object, properties included as an object. */
  static ObjectNode json(AuditRecord r) {
    try {
      ObjectNode node =
          (ObjectNode) Json.parse(new Canonical().line(r).getBytes(StandardCharsets.UTF_8));
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.putObject("error").put("code", code).put("message", message);
    return out;
  }

  private static void send(ServerResponse res, int status, JsonNode body) {
    AdminJson.send(res, status, body);
  }
}
