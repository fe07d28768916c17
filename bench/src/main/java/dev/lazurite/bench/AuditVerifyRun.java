package dev.lazurite.bench;

import dev.lazurite.audit.AuditRecord;
import dev.lazurite.audit.AuditVerifier;
import dev.lazurite.audit.Canonical;
import dev.lazurite.audit.Checkpoint;
import dev.lazurite.audit.CheckpointSigner;
import dev.lazurite.audit.Link;
import dev.lazurite.audit.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code audit verify} in memory, hashing on the verifying thread alone versus on every core,
 * taking turns in one JVM so that a busy machine slows both alike; prints each turn and the ratio.
 *
 * <p>Usage: {@code AuditVerifyRun [records] [turns]} (default 200000 4).
 */
public final class AuditVerifyRun {
  private AuditVerifyRun() {}

  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int turns = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    var signer = CheckpointSigner.ephemeral();
    var canonical = new Canonical();
    List<AuditRecord> stream = new ArrayList<>(records);
    List<Checkpoint> checkpoints = new ArrayList<>();
    String previous = Canonical.GENESIS;
    Instant start = Instant.parse("2026-12-05T00:00:00Z");
    for (int i = 1; i <= records; i++) {
      var unhashed =
          new AuditRecord(
              "bench",
              i,
              start.plusMillis(i).toString(),
              "Audit",
              "/subscriptions/0/accounts/a",
              "ChatCompletions_Create",
              "200",
              120,
              "10.0.0.7",
              "req-" + i,
              "lazurite/key1",
              "gpt-4o",
              "{\"completionTokens\":42,\"kind\":\"dataPlane\",\"modelName\":\"gpt-4o\","
                  + "\"principal\":{\"keySlot\":\"key1\",\"type\":\"key\"},\"promptTokens\":17}",
              previous,
              "");
      AuditRecord r = unhashed.withHash(canonical.hash(unhashed));
      stream.add(r);
      if (i % 1000 == 0) {
        checkpoints.add(signer.sign("bench", i, r.hash(), r.time()));
      }
      previous = r.hash();
    }
    var verifier = new AuditVerifier(c -> CheckpointSigner.verify(signer.publicKey(), c));
    double[] total = new double[2];
    for (int t = 0; t <= turns; t++) {
      long a = System.nanoTime();
      Verification one = verifier.verifyLinks("bench", sequential(stream.iterator()), checkpoints);
      long b = System.nanoTime();
      Verification all = verifier.verify("bench", stream.iterator(), checkpoints);
      long c = System.nanoTime();
      if (!one.intact() || !all.intact()) {
        throw new IllegalStateException(one.reason() + all.reason());
      }
      if (t > 0) { // the first turn warms up
        total[0] += (b - a) / 1e6;
        total[1] += (c - b) / 1e6;
      }
      System.out.printf(
          "turn %d: one thread %.0f ms, every core %.0f ms%n", t, (b - a) / 1e6, (c - b) / 1e6);
    }
    System.out.printf(
        "%d records, mean of %d turns: one thread %.0f ms, every core %.0f ms (%.2f×)%n",
        records, turns, total[0] / turns, total[1] / turns, total[0] / total[1]);
  }

  private static Iterator<Link> sequential(Iterator<AuditRecord> records) {
    var canonical = new Canonical();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Link next() {
        AuditRecord r = records.next();
        return new Link(r.stream(), r.seq(), r.previousHash(), r.hash(), canonical.hash(r));
      }
    };
  }
}
