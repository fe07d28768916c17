package dev.lazurite.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.audit.AuditEntry;
import dev.lazurite.audit.AuditLog;
import dev.lazurite.audit.AuditWriter;
import dev.lazurite.audit.CheckpointSigner;
import dev.lazurite.audit.Verification;
import dev.lazurite.json.Json;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code audit verify} of the store: {@code records} data-plane-sized records written by the audit
 * writer into a SQLite store (a checkpoint every 1,000), then the whole store verified {@code
 * turns} times, as {@code lazurite audit verify --sink store} does. Prints the time to write and
 * each turn's time to verify.
 *
 * <p>Usage: {@code AuditStoreVerifyRun [records] [turns]} (default 1000000 3).
 */
public final class AuditStoreVerifyRun {
  private AuditStoreVerifyRun() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int turns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("lazurite-audit-verify");
    try (var store =
        new JdbiStore(
            new DatabaseUrl.Sqlite(dir.resolve("audit.db")), new SecretBox(new byte[32]))) {
      var signer = CheckpointSigner.shared(store.secrets());
      ObjectNode properties = (ObjectNode) Json.parse(AuditRowData.PROPERTIES.getBytes());
      Instant start = Instant.parse("2026-12-05T00:00:00Z");
      long began = System.nanoTime();
      try (var writer =
          new AuditWriter(
              store.audit(), Optional.empty(), signer, "bench", 1000, Clock.systemUTC())) {
        for (int i = 1; i <= records; i++) {
          writer.record(
              new AuditEntry(
                  start.plusMillis(i),
                  AuditEntry.AUDIT,
                  "/subscriptions/0/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a",
                  "ChatCompletions_Create",
                  "200",
                  12,
                  "127.0.0.1",
                  "req-" + i,
                  "acct-1/key1",
                  "gpt-4o",
                  properties));
          if (i % 50_000 == 0) {
            writer.flush();
          }
        }
      }
      System.out.printf(
          "%d records written in %.1f s, database %d MB%n",
          records, (System.nanoTime() - began) / 1e9, size(dir) >> 20);
      var log = new AuditLog(store.audit(), signer, Optional.empty());
      for (int turn = 0; turn < turns; turn++) {
        long t0 = System.nanoTime();
        List<Verification> result = log.verifyStore();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Verification v = result.getFirst();
        System.out.printf(
            "turn %d: %d records, %d checkpoints, intact %s, %.2f s%n",
            turn, v.records(), v.checkpoints(), v.intact(), seconds);
      }
    }
  }

  private static long size(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
