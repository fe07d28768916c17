package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code lazurite audit verify} passes an intact log and names the first broken record after an
 * edit, a deletion or a reordering, in the database and in the JSON-lines file; the audit routes
 * refuse bad requests.
 */
class AuditTamperTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":3}";

  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    TestingHttp http = server.http();
    for (int i = 0; i < 6; i++) {
      assertThat(http.post(CHAT, HELLO).status()).isEqualTo(200);
    }
    server.server().flushAudit();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingCli.Result verify(String... extra) {
    List<String> args = new ArrayList<>(List.of("audit", "verify"));
    args.addAll(List.of(extra));
    return TestingCli.execute(server, args.toArray(String[]::new));
  }

  static void sql(String... statements) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + server.dataDir().resolve("lazurite.db") + "?busy_timeout=10000");
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.executeUpdate(statement);
      }
    }
  }

  static void assertBroken(TestingCli.Result result, long seq) {
    assertThat(result.code()).as(result.out()).isEqualTo(1);
    assertThat(result.err()).contains("record " + seq + " ");
  }

  @Test
  void theDatabaseLogVerifiesAndEachTamperingIsNamed() throws Exception {
    assertThat(verify("--sink", "store").code()).isZero();

    UnaryOperator<List<String>> edit = status(3, "200", "500");
    UnaryOperator<List<String>> unedit = status(3, "500", "200");
    editStoredLines(edit);
    assertBroken(verify("--sink", "store"), 3);
    editStoredLines(unedit);
    assertThat(verify("--sink", "store").code()).isZero();

    List<String> kept = new ArrayList<>();
    editStoredLines(
        lines -> {
          kept.add(lines.remove(indexOf(lines, 4)));
          return lines;
        });
    assertBroken(verify("--sink", "store"), 4);
    editStoredLines(
        lines -> {
          lines.add(indexOf(lines, 3) + 1, kept.getFirst());
          return lines;
        });
    assertThat(verify("--sink", "store").code()).isZero();

    UnaryOperator<List<String>> swap =
        lines -> {
          Collections.swap(lines, indexOf(lines, 2), indexOf(lines, 3));
          return lines;
        };
    editStoredLines(swap);
    assertBroken(verify("--sink", "store"), 2);
    editStoredLines(swap);
    assertThat(verify("--sink", "store").code()).isZero();

    // A whole block deleted from the middle of the stream.
    editStoredLines(lines -> lines, 2);
    assertThat(verify("--sink", "store").code()).isZero();
    sql(
        "CREATE TABLE kept AS SELECT * FROM audit_blocks WHERE first_seq = 3",
        "DELETE FROM audit_blocks WHERE first_seq = 3");
    assertBroken(verify("--sink", "store"), 3);
    sql("INSERT INTO audit_blocks SELECT * FROM kept", "DROP TABLE kept");
    assertThat(verify("--sink", "store").code()).isZero();
  }

  /** Changes record {@code seq}'s result signature from {@code from} to {@code to}. */
  static UnaryOperator<List<String>> status(long seq, String from, String to) {
    return lines -> {
      int at = indexOf(lines, seq);
      String field = "\"resultSignature\":\"";
      lines.set(at, lines.get(at).replace(field + from + "\"", field + to + "\""));
      return lines;
    };
  }

  /** The place of record {@code seq} among a stream's lines. */
  static int indexOf(List<String> lines, long seq) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"seq\":" + seq + ",")) {
        return i;
      }
    }
    throw new AssertionError("no record " + seq);
  }

  static void editStoredLines(UnaryOperator<List<String>> edit) throws Exception {
    editStoredLines(edit, Integer.MAX_VALUE);
  }

  /**
   * Rewrites the stored stream's lines with {@code edit}, as someone with the database file could:
   * the stream's blocks are replaced by blocks of {@code perBlock} edited lines.
   */
  static void editStoredLines(UnaryOperator<List<String>> edit, int perBlock) throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:sqlite:" + server.dataDir().resolve("lazurite.db") + "?busy_timeout=10000")) {
      List<String> lines = new ArrayList<>();
      String stream = null;
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT stream, first_seq, last_seq, min_time_ms, max_time_ms, lines FROM"
                      + " audit_blocks ORDER BY first_seq")) {
        while (rs.next()) {
          assertThat(stream == null || stream.equals(rs.getString(1))).isTrue();
          stream = rs.getString(1);
          min = Math.min(min, rs.getLong(4));
          max = Math.max(max, rs.getLong(5));
          AuditBlock.lines(rs.getBytes(6)).forEachRemaining(lines::add);
        }
      }
      List<String> edited = edit.apply(lines);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM audit_blocks");
      }
      for (int from = 0; from < edited.size(); from += perBlock) {
        List<String> block = edited.subList(from, Math.min(edited.size(), from + perBlock));
        StringBuilder text = new StringBuilder();
        for (String line : block) {
          text.append(line).append('\n');
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO audit_blocks (stream, first_seq, last_seq, min_time_ms, max_time_ms,"
                    + " lines) VALUES (?, ?, ?, ?, ?, ?)")) {
          p.setString(1, stream);
          p.setLong(2, seqOf(block.getFirst()));
          p.setLong(3, seqOf(block.getLast()));
          p.setLong(4, min);
          p.setLong(5, max);
          p.setBytes(6, text.toString().getBytes(StandardCharsets.UTF_8));
          p.executeUpdate();
        }
      }
    }
  }

  static long seqOf(String line) {
    return AuditBlock.record(line, 1).seq();
  }

  @Test
  void theFileLogVerifiesAndEachTamperingIsNamed() throws Exception {
    Path file;
    try (var files = Files.list(server.dataDir().resolve("audit"))) {
      file = files.findFirst().orElseThrow();
    }
    List<String> original = Files.readAllLines(file);
    assertThat(verify("--sink", "file").code()).isZero();
    assertThat(verify("--file", file.toString()).code()).isZero();

    List<String> edited = new ArrayList<>(original);
    int third = recordLine(edited, 3);
    edited.set(
        third,
        edited.get(third).replace("\"resultSignature\":\"200\"", "\"resultSignature\":\"201\""));
    Files.write(file, edited);
    assertBroken(verify("--sink", "file"), 3);
    assertBroken(verify("--file", file.toString()), 3);

    List<String> deleted = new ArrayList<>(original);
    deleted.remove(recordLine(deleted, 4));
    Files.write(file, deleted);
    assertBroken(verify("--sink", "file"), 4);

    List<String> reordered = new ArrayList<>(original);
    Collections.swap(reordered, recordLine(reordered, 2), recordLine(reordered, 3));
    Files.write(file, reordered);
    assertBroken(verify("--sink", "file"), 2);

    Files.write(file, original);
    assertThat(verify("--sink", "file").code()).isZero();
  }

  static int recordLine(List<String> lines, long seq) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"seq\":" + seq + ",")
          && !lines.get(i).startsWith("{\"checkpoint\"")) {
        return i;
      }
    }
    throw new AssertionError("no record " + seq);
  }

  @Test
  void listFiltersByPrincipalDeploymentAndStatus() {
    JsonNode mine =
        TestingCli.run(server, "audit", "list", "--principal", "lazurite/key1", "--status", "200");
    assertThat(mine.size()).isGreaterThanOrEqualTo(6);
    assertThat(TestingCli.run(server, "audit", "list", "--principal", "lazurite/key2").size())
        .isZero();
    assertThat(TestingCli.run(server, "audit", "list", "--deployment", "elsewhere").size())
        .isZero();
    assertThat(TestingCli.run(server, "audit", "list", "--since", "PT1H", "--limit", "2").size())
        .isEqualTo(2);
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void theRoutesRefuseMissingCredentialsAndBadParameters() throws Exception {
    String admin = server.server().adminToken();
    for (String path :
        List.of("/lazurite/audit/records", "/lazurite/audit/verify", "/lazurite/audit/export")) {
      assertThat(get(path, null).statusCode()).isEqualTo(401);
      assertThat(get(path, "wrong").statusCode()).isEqualTo(401);
      assertThat(get(path, server.key()).statusCode())
          .as("a data-plane key is no admin")
          .isEqualTo(401);
    }
    for (String query :
        List.of(
            "since=yesterday",
            "since=P-bad",
            "limit=0",
            "limit=10001",
            "limit=many",
            "limit=",
            "colour=blue")) {
      var answer = get("/lazurite/audit/records?" + query, admin);
      assertThat(answer.statusCode()).as(query).isEqualTo(400);
      assertThat(answer.body()).contains("\"error\"");
    }
    assertThat(get("/lazurite/audit/verify?sink=tape", admin).statusCode()).isEqualTo(400);
    var key = get("/lazurite/audit/key", admin);
    assertThat(key.statusCode()).isEqualTo(200);
    assertThat(key.body()).contains("Ed25519");
    assertThat(get("/lazurite/audit/records?principal=other/key1", admin).body())
        .isEqualTo("{\"value\":[]}");
  }
}
