package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.audit.AuditFile;
import dev.lazurite.audit.AuditVerifier;
import dev.lazurite.audit.CheckpointSigner;
import dev.lazurite.audit.Verification;
import dev.lazurite.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The tamper-evident audit log of every invocation and control change.",
    subcommands = {
      AuditCommand.Verify.class,
      AuditCommand.ListAll.class,
      AuditCommand.Export.class,
      AuditCommand.Captures.class
    })
final class AuditCommand {
  static final String BASE = "/lazurite/audit";

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check every record's hash, chain and signed checkpoint; exit 1 naming the first broken"
              + " record.")
  static final class Verify implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Option(
        names = "--sink",
        description = "store, file, or all (default): where the server keeps the log.")
    String sink = "all";

    @Option(names = "--file", description = "Verify this JSON-lines file here, without a server.")
    Path file;

    @Option(
        names = "--public-key",
        description =
            "With --file: the server's checkpoint key (GET /lazurite/audit/key);"
                + " without it, checkpoint signatures are not checked.")
    String publicKey;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      List<JsonNode> results = new ArrayList<>();
      if (file != null) {
        var verifier =
            new AuditVerifier(
                publicKey == null ? c -> true : c -> CheckpointSigner.verify(publicKey, c));
        Verification v = AuditFile.verify(file, verifier);
        ObjectNode node = Json.MAPPER.valueToTree(v);
        node.put("sink", file.toString());
        node.put("signaturesChecked", publicKey != null);
        results.add(node);
      } else {
        ArmClient arm = client.client();
        List<String> sinks =
            switch (sink) {
              case "all" -> List.of("store", "file");
              case "store", "file" -> List.of(sink);
              default -> throw new IllegalArgumentException("--sink must be store, file or all");
            };
        for (String s : sinks) {
          JsonNode answer;
          try {
            answer = arm.send("GET", BASE + "/verify?sink=" + s, null);
          } catch (java.io.IOException e) {
            if (sink.equals("all") && s.equals("file")) {
              continue; // the file sink is off
            }
            throw e;
          }
          for (JsonNode stream : answer.path("streams")) {
            ObjectNode node = stream.deepCopy();
            node.put("sink", s);
            results.add(node);
          }
        }
      }
      ArrayNode all = Json.MAPPER.createArrayNode().addAll(results);
      Output.print(out, all);
      boolean intact = true;
      for (JsonNode r : results) {
        if (!r.path("intact").asBoolean()) {
          intact = false;
          spec.commandLine()
              .getErr()
              .printf(
                  "audit log broken (%s, stream %s): record %d %s%n",
                  r.path("sink").asText(),
                  r.path("stream").asText(),
                  r.path("brokenSeq").asLong(),
                  r.path("reason").asText());
          break;
        }
      }
      return intact ? 0 : 1;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Audit records, oldest first, filtered.")
  static final class ListAll extends ArmCommand {
    @Option(names = "--since", description = "ISO instant or a duration like PT1H or P1D.")
    String since;

    @Option(names = "--principal", description = "A key (account/key1) or object id.")
    String principal;

    @Option(names = "--deployment", description = "A deployment name.")
    String deployment;

    @Option(names = "--status", description = "An HTTP status (429) or Succeeded.")
    String status;

    @Option(
        names = "--category",
        description =
            "Audit (the audit log, the default), RequestResponse (the captured bodies) or"
                + " Trace (this instance's recent requests: stage timings and backend attempts).")
    String category;

    @Option(names = "--limit", description = "At most this many records (default 1000).")
    Integer limit;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      boolean captures = "RequestResponse".equals(category);
      if (captures && (principal != null || status != null)) {
        throw new IllegalArgumentException(
            "--principal and --status filter the Audit category, not RequestResponse");
      }
      StringBuilder query =
          new StringBuilder(captures ? "/lazurite/audit/captures" : BASE + "/records");
      char sep = '?';
      for (String[] p :
          new String[][] {
            {"since", since},
            {"principal", principal},
            {"deployment", deployment},
            {"status", status},
            {"category", captures ? null : category},
            {"limit", limit == null ? null : limit.toString()}
          }) {
        if (p[1] != null) {
          query.append(sep).append(p[0]).append('=').append(ArmClient.encode(p[1]));
          sep = '&';
        }
      }
      return Output.values(arm.send("GET", query.toString(), null));
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Every stored record as JSON lines, stream by stream.")
  static final class Export implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      out.print(client.client().text(BASE + "/export"));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "captures",
      mixinStandardHelpOptions = true,
      description =
          "Captured request and response bodies (RequestResponse records), oldest first;"
              + " --export prints every one as JSON lines.")
  static final class Captures extends ArmCommand {
    @Option(names = "--since", description = "ISO instant or a duration like PT1H or P1D.")
    String since;

    @Option(names = "--resource", description = "A resource (account) name.")
    String resource;

    @Option(names = "--deployment", description = "A deployment name.")
    String deployment;

    @Option(
        names = "--request-id",
        description = "One request's capture (its audit record's correlationId).")
    String requestId;

    @Option(names = "--limit", description = "At most this many captures (default 1000).")
    Integer limit;

    @Option(names = "--export", description = "Every capture as JSON lines.")
    boolean export;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      if (export) {
        var out = spec.commandLine().getOut();
        out.print(arm.text("/lazurite/audit/captures/export"));
        out.flush();
        return null;
      }
      StringBuilder query = new StringBuilder("/lazurite/audit/captures");
      char sep = '?';
      for (String[] p :
          new String[][] {
            {"since", since},
            {"account", resource},
            {"deployment", deployment},
            {"requestId", requestId},
            {"limit", limit == null ? null : limit.toString()}
          }) {
        if (p[1] != null) {
          query.append(sep).append(p[0]).append('=').append(ArmClient.encode(p[1]));
          sep = '&';
        }
      }
      return Output.values(arm.send("GET", query.toString(), null));
    }
  }
}
