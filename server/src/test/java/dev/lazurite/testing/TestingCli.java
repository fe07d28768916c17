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

  /** What a command did: its exit code, standard output and standard error. */
  public record Result(int code, String out, String err) {
    public JsonNode json() {
      return Json.read(out, JsonNode.class);
    }
  }

  /** Runs the command, asserts that it succeeded, and returns its JSON output (null if none). */
  public static JsonNode run(TestingServer server, String... args) {
    Result result = execute(server, args);
    assertThat(result.code()).as(result.err()).isZero();
    return result.out().isBlank() ? null : result.json();
  }

  /** Runs the command and returns what it did, whether it succeeded or not. */
  public static Result execute(TestingServer server, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(server.dataDir().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }
}
