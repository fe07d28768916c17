package dev.lazurite.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.EdgeResponses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audit log's management API, used by {@code lazurite audit …}: list with filters, export as
 * JSON lines, verify the store or the files, and the checkpoint signing key's public half.
 * Protected by the admin credential.
 */
public final class AuditAdminHandler {
  public static final String BASE = "/lazurite/audit";
  private static final Set<String> LIST_PARAMS =
      Set.of("since", "principal", "deployment", "status", "limit", "api-version");

  private final AuditLog log;
  private final AuditWriter writer;
  private final byte[] adminToken;
  private final Clock clock;

  public AuditAdminHandler(AuditLog log, AuditWriter writer, String adminToken, Clock clock) {
    this.log = log;
    this.writer = writer;
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
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
    String authorization = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
    String token =
        authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).strip()
            : "";
    if (!MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
      send(res, 401, error("AuthenticationFailed", "The admin credential is missing or wrong."));
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
    for (String name : req.query().names()) {
      if (!LIST_PARAMS.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown query parameter '"
                + name
                + "'; allowed: since, principal, deployment,"
                + " status, limit.");
      }
    }
    writer.flush();
    var query =
        new AuditQuery(
            param(req, "since").map(this::since),
            param(req, "principal"),
            param(req, "deployment"),
            param(req, "status"),
            param(req, "limit").map(AuditAdminHandler::limit).orElse(1000));
    ArrayNode values = Json.MAPPER.createArrayNode();
    for (AuditRecord r : log.store().query(query)) {
      values.add(json(r));
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.set("value", values);
    send(res, 200, out);
  }

  private void export(ServerRequest req, ServerResponse res) throws IOException {
    writer.flush();
    res.header("Content-Type", "application/x-ndjson");
    var canonical = new Canonical();
    try (OutputStream out = res.outputStream()) {
      log.export(
          r -> {
            try {
              out.write(canonical.line(r).getBytes(StandardCharsets.UTF_8));
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private void verify(ServerRequest req, ServerResponse res) throws IOException {
    String sink = param(req, "sink").orElse("store");
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
    if (value < 1 || value > AuditQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + AuditQuery.MAX_LIMIT + ".");
    }
    return value;
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
    EdgeResponses.json(res, status, Json.write(body));
  }
}
