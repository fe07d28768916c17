package dev.lazurite.bench;

import dev.lazurite.audit.AuditBlock;
import dev.lazurite.audit.AuditFile;
import dev.lazurite.audit.AuditListener;
import dev.lazurite.audit.AuditQuery;
import dev.lazurite.audit.AuditRecord;
import dev.lazurite.audit.AuditStore;
import dev.lazurite.audit.AuditWriter;
import dev.lazurite.audit.Checkpoint;
import dev.lazurite.audit.CheckpointSigner;
import dev.lazurite.pipeline.Caller;
import dev.lazurite.pipeline.Charge;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.NetworkPath;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What the data-plane audit costs per request, without HTTP or the pipeline: one thread hands
 * {@code records} ledgers per round to the {@link AuditListener} (the request side: building the
 * entry), the {@link AuditWriter}'s thread chains, hashes and stores them with the JSON-lines file
 * on. Prints the CPU time and bytes allocated per record on each side, medians of the rounds. The
 * store is either a SQLite database ({@code sqlite}) or one that keeps nothing ({@code none}, the
 * writer's own work alone).
 *
 * <p>With a {@code rate}, the records arrive at that many a second, so the writer commits the
 * batches a server at that load would (its 5 ms linger gathers {@code rate / 200} records), instead
 * of full batches of 512.
 *
 * <p>Usage: {@code AuditRecordRun [rounds] [records-per-round] [sqlite|none] [rate]} (default
 * {@code 10 100000 sqlite 0}, 0 = as fast as the caller can).
 */
public final class AuditRecordRun {
  private AuditRecordRun() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    String sink = args.length > 2 ? args[2] : "sqlite";
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Path dir = Files.createTempDirectory("lazurite-audit-run");
    JdbiStore db =
        new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("audit.db")), new SecretBox(new byte[32]));
    AuditStore store =
        switch (sink) {
          case "sqlite" -> db.audit();
          case "none" -> new Discarding();
          default -> throw new IllegalArgumentException("sink must be sqlite or none: " + sink);
        };
    var file = AuditFile.open(AuditFile.of(dir.resolve("audit"), "bench"));
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (var writer =
        new AuditWriter(
            store,
            Optional.of(file),
            CheckpointSigner.ephemeral(),
            "bench",
            1000,
            Clock.systemUTC())) {
      var listener = new AuditListener(writer, address -> Optional.empty(), Clock.systemUTC());
      long writerId =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals("lazurite-audit-writer"))
              .findFirst()
              .orElseThrow()
              .threadId();
      long self = Thread.currentThread().threadId();
      List<Ledger> ledgers = ledgers();
      long[] requestNs = new long[rounds];
      long[] requestBytes = new long[rounds];
      long[] writerNs = new long[rounds];
      long[] writerBytes = new long[rounds];
      for (int r = -3; r < rounds; r++) { // three rounds of warm-up
        writer.flush();
        long rb = threads.getThreadAllocatedBytes(self);
        long rt = threads.getCurrentThreadCpuTime();
        long wb = threads.getThreadAllocatedBytes(writerId);
        long wt = threads.getThreadCpuTime(writerId);
        if (rate == 0) {
          for (int i = 0; i < records; i++) {
            listener.requestEnd(ledgers.get(i & 3));
          }
        } else {
          paced(listener, ledgers, records, rate);
        }
        long rtEnd = threads.getCurrentThreadCpuTime();
        long rbEnd = threads.getThreadAllocatedBytes(self);
        writer.flush();
        if (r >= 0) {
          requestNs[r] = (rtEnd - rt) / records;
          requestBytes[r] = (rbEnd - rb) / records;
          writerNs[r] = (threads.getThreadCpuTime(writerId) - wt) / records;
          writerBytes[r] = (threads.getThreadAllocatedBytes(writerId) - wb) / records;
        }
      }
      System.out.printf(
          "%s at %s: request side %d ns %d B, writer %d ns %d B per record (medians of %d rounds)%n",
          sink,
          rate == 0 ? "full speed" : rate + " records/s",
          median(requestNs),
          median(requestBytes),
          median(writerNs),
          median(writerBytes),
          rounds);
    } finally {
      db.close();
    }
  }

  /** Hands the records over at {@code rate} a second, a millisecond's share at a time. */
  private static void paced(AuditListener listener, List<Ledger> ledgers, int records, int rate)
      throws InterruptedException {
    long start = System.nanoTime();
    int sent = 0;
    while (sent < records) {
      long due = Math.min(records, (System.nanoTime() - start) * rate / 1_000_000_000L);
      for (; sent < due; sent++) {
        listener.requestEnd(ledgers.get(sent & 3));
      }
      Thread.sleep(1);
    }
  }

  /** A chat by key, a streamed chat by token through a proxy, a filtered one, an embedding. */
  private static List<Ledger> ledgers() {
    var listener = new InetSocketAddress("127.0.0.1", 8080);
    var key = new Caller("key", "key1", "", "", "", List.of(), "");
    var entra =
        new Caller(
            "entra",
            "",
            "7f6e5d4c-0000-4000-8000-000000000001",
            "app-1",
            "tenant-1",
            List.of("g1", "g2"),
            "");
    var direct = new NetworkPath("10.1.2.3", "10.1.2.3", listener, false);
    var proxied = new NetworkPath("203.0.113.7", "10.0.0.2", listener, false);
    String resource =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
            + "Microsoft.CognitiveServices/accounts/acct";
    return List.of(
        ledger("ChatCompletions_Create", 200, false, key, direct, FilterOutcome.NONE, resource),
        ledger("ChatCompletions_Create", 200, true, entra, proxied, FilterOutcome.NONE, resource),
        ledger(
            "ChatCompletions_Create",
            400,
            false,
            key,
            direct,
            new FilterOutcome("filtered", List.of("hate", "violence")),
            resource),
        ledger("Embeddings_Create", 200, false, key, direct, FilterOutcome.NONE, resource));
  }

  private static Ledger ledger(
      String operation,
      int status,
      boolean streamed,
      Caller caller,
      NetworkPath network,
      FilterOutcome filter,
      String resource) {
    return new Ledger(
        "3f2b8c1e-5a4d-4e6f-9a7b-0c1d2e3f4a5b",
        operation,
        "acct",
        "chat",
        "gpt-4o",
        "acct/key1",
        120,
        36,
        status,
        streamed,
        0L,
        2_400_000L,
        resource,
        caller,
        network,
        filter,
        1_200_000L,
        64,
        new Charge("rg", "gpt-4o/2024-08-06/Standard", Map.of(), 123_450_000L));
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A store that keeps nothing: the writer's own work alone. */
  private static final class Discarding implements AuditStore {
    @Override
    public void append(Optional<AuditBlock> block, List<Checkpoint> checkpoints) {}

    @Override
    public Optional<AuditRecord> last(String stream) {
      return Optional.empty();
    }

    @Override
    public List<String> streams() {
      return List.of();
    }

    @Override
    public <T> T read(String stream, Function<Iterator<AuditRecord>, T> reader) {
      return reader.apply(List.<AuditRecord>of().iterator());
    }

    @Override
    public <T> T readLines(String stream, Function<Iterator<String>, T> reader) {
      return reader.apply(List.<String>of().iterator());
    }

    @Override
    public List<Checkpoint> checkpoints(String stream) {
      return List.of();
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
      return List.of();
    }

    @Override
    public OptionalLong sweepPoint(String stream, long beforeMillis) {
      return OptionalLong.empty();
    }

    @Override
    public int deleteBefore(String stream, long seq) {
      return 0;
    }
  }
}
