package dev.lazurite.bench;

import dev.lazurite.audit.AuditFile;
import dev.lazurite.audit.AuditRecord;
import dev.lazurite.audit.AuditVerifier;
import dev.lazurite.audit.Canonical;
import dev.lazurite.audit.Checkpoint;
import dev.lazurite.audit.CheckpointSigner;
import dev.lazurite.audit.Verification;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code lazurite audit verify} over one stream of {@code records} data-plane records with a signed
 * checkpoint every 1,000: in memory (hashing, chaining and signature checks only) and from a
 * JSON-lines file (reading and parsing each line as well). Target: 1,000,000 records in ≤ 10 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@State(Scope.Benchmark)
public class AuditVerifyBenchmark {
  private static final String PROPERTIES =
      "{\"account\":\"lazurite\",\"completionTokens\":42,\"contentFilter\":{\"categories\":[],"
          + "\"outcome\":\"none\"},\"kind\":\"dataPlane\",\"modelDeploymentName\":\"gpt-4o\","
          + "\"modelName\":\"gpt-4o\",\"networkPath\":{\"path\":\"public\"},\"principal\":"
          + "{\"keySlot\":\"key1\",\"type\":\"key\"},\"promptTokens\":17,\"streamType\":"
          + "\"Non-Streaming\"}";
  private static final String RESOURCE =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/lazurite/providers/"
          + "Microsoft.CognitiveServices/accounts/lazurite";

  @Param({"1000000"})
  int records;

  private final CheckpointSigner signer = CheckpointSigner.ephemeral();
  private List<AuditRecord> stream;
  private List<Checkpoint> checkpoints;
  private Path file;

  @Setup
  public void build() throws IOException {
    var canonical = new Canonical();
    stream = new ArrayList<>(records);
    checkpoints = new ArrayList<>();
    Instant start = Instant.parse("2026-12-05T00:00:00Z");
    String previous = Canonical.GENESIS;
    file = Files.createTempFile("lazurite-audit-bench", ".jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 1; i <= records; i++) {
        var unhashed =
            new AuditRecord(
                "bench",
                i,
                start.plusMillis(i).toString(),
                "Audit",
                RESOURCE,
                "ChatCompletions_Create",
                "200",
                120,
                "10.0.0.7",
                "req-" + i,
                "lazurite/key1",
                "gpt-4o",
                PROPERTIES,
                previous,
                "");
        AuditRecord r = unhashed.withHash(canonical.hash(unhashed));
        stream.add(r);
        out.write(canonical.line(r));
        out.write('\n');
        if (i % 1000 == 0) {
          checkpoints.add(signer.sign("bench", i, r.hash(), r.time()));
        }
        previous = r.hash();
      }
    }
    // The file's checkpoints are read from the same lines a server writes.
    try (BufferedWriter out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)) {
      for (Checkpoint c : checkpoints) {
        out.write(
            "{\"checkpoint\":{\"stream\":\"bench\",\"seq\":"
                + c.seq()
                + ",\"hash\":\""
                + c.hash()
                + "\",\"time\":\""
                + c.time()
                + "\",\"signature\":\""
                + c.signature()
                + "\"}}\n");
      }
    }
  }

  @TearDown
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public Verification inMemory() {
    Verification v =
        new AuditVerifier(c -> CheckpointSigner.verify(signer.publicKey(), c))
            .verify("bench", stream.iterator(), checkpoints);
    if (!v.intact()) {
      throw new IllegalStateException(v.reason());
    }
    return v;
  }

  @Benchmark
  public Verification fromFile() throws IOException {
    Verification v =
        AuditFile.verify(
            file, new AuditVerifier(c -> CheckpointSigner.verify(signer.publicKey(), c)));
    if (!v.intact()) {
      throw new IllegalStateException(v.stream() + " " + v.brokenSeq() + " " + v.reason());
    }
    return v;
  }
}
