package dev.lazurite.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lazurite.audit.AuditEntry;
import dev.lazurite.audit.AuditFile;
import dev.lazurite.audit.AuditProperties;
import dev.lazurite.audit.AuditWriter;
import dev.lazurite.audit.CheckpointSigner;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audit writer's CPU per record against its linger (how long it lets records gather after a
 * commit of less than a full batch): one writer per linger, each with its own SQLite database and
 * JSON-lines file, fed {@code records} entries at {@code rate} a second in turns, so every linger
 * sees the same machine. Prints each writer thread's CPU time per record, per turn.
 *
 * <p>Usage: {@code AuditLingerRun [records-per-turn] [rate] [turns] [linger-ms,...]} (default
 * {@code 24000 6000 3 20,50,100}).
 */
public final class AuditLingerRun {
  private AuditLingerRun() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 24_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
    int turns = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String lingers = args.length > 3 ? args[3] : "20,50,100";
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<JdbiStore> stores = new ArrayList<>();
    List<AuditWriter> writers = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try {
      for (String ms : lingers.split(",")) {
        Path dir = Files.createTempDirectory("lazurite-audit-linger");
        var store =
            new JdbiStore(
                new DatabaseUrl.Sqlite(dir.resolve("audit.db")), new SecretBox(new byte[32]));
        stores.add(store);
        Set<Long> before = writerThreads();
        writers.add(
            new AuditWriter(
                store.audit(),
                Optional.of(AuditFile.open(AuditFile.of(dir.resolve("audit"), "bench"))),
                CheckpointSigner.ephemeral(),
                "bench",
                1000,
                Clock.systemUTC(),
                List.of(),
                Duration.ofMillis(Long.parseLong(ms.strip()))));
        Set<Long> after = writerThreads();
        after.removeAll(before);
        ids.add(after.iterator().next());
        names.add(ms.strip() + " ms");
      }
      for (int turn = -1; turn < turns; turn++) { // one turn of warm-up
        for (int w = 0; w < writers.size(); w++) {
          AuditWriter writer = writers.get(w);
          writer.flush();
          long cpu = threads.getThreadCpuTime(ids.get(w));
          paced(writer, records, rate);
          writer.flush();
          cpu = threads.getThreadCpuTime(ids.get(w)) - cpu;
          if (turn >= 0) {
            System.out.printf(
                "turn %d linger %-7s writer %6.2f us/record%n",
                turn, names.get(w), cpu / 1000.0 / records);
          }
        }
      }
    } finally {
      writers.forEach(AuditWriter::close);
      stores.forEach(JdbiStore::close);
    }
  }

  private static Set<Long> writerThreads() {
    Set<Long> ids = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("lazurite-audit-writer")) {
        ids.add(t.threadId());
      }
    }
    return ids;
  }

  /** Hands the entries over at {@code rate} a second, a millisecond's share at a time. */
  private static void paced(AuditWriter writer, int records, int rate) throws InterruptedException {
    long start = System.nanoTime();
    int sent = 0;
    while (sent < records) {
      long due = Math.min(records, (System.nanoTime() - start) * rate / 1_000_000_000L);
      for (; sent < due; sent++) {
        writer.record(entry(sent));
      }
      Thread.sleep(1);
    }
  }

  private static AuditEntry entry(int i) {
    var properties = JsonNodeFactory.instance.objectNode();
    properties
        .put("account", "acct-1")
        .put("completionTokens", 12)
        .put("kind", "dataPlane")
        .put("modelDeploymentName", "gpt-4o")
        .put("promptTokens", 20)
        .put("streamType", "Non-Streaming");
    return new AuditEntry(
        Instant.now(),
        AuditEntry.AUDIT,
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/acct-1",
        "ChatCompletions_Create",
        "200",
        12,
        "127.0.0.1",
        "req-" + i,
        "acct-1/key1",
        "gpt-4o",
        new AuditProperties.Tree(properties));
  }
}
