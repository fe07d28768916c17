package dev.lazurite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.cli.Main;
import dev.lazurite.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line against a test server's data directory, as an operator would. */
public final class TestingCli {
  private TestingCli() {}

  /** Runs the command, asserts that it succeeded, and returns its JSON output (null if none). */
  public static JsonNode run(TestingServer server, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(server.dataDir().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(all.toArray(String[]::new))).as(err.toString()).isZero();
    return out.toString().isBlank() ? null : Json.read(out.toString(), JsonNode.class);
  }
}
