package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {
  private static final CheckpointSigner SIGNER = CheckpointSigner.ephemeral();

  static AuditEntry entry(int i) {
    var properties = JsonNodeFactory.instance.objectNode();
    properties.put("kind", "dataPlane").put("promptTokens", i).put("z", "ü \"quoted\"\n");
    return new AuditEntry(
        Instant.parse("2026-12-05T10:00:00Z").plusMillis(i),
        AuditEntry.AUDIT,
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a",
        "ChatCompletions_Create",
        "200",
        i,
        "127.0.0.1",
        "req-" + i,
        "a/key1",
        "gpt-4o",
        properties);
  }

  static List<AuditRecord> chain(int n) {
    var chain = new AuditChain("s1", 0, Canonical.GENESIS);
    List<AuditRecord> records = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      records.add(chain.append(entry(i)));
    }
    return records;
  }

  static Verification verify(List<AuditRecord> records, List<Checkpoint> checkpoints) {
    return new AuditVerifier(SIGNER::verify).verify("s1", records.iterator(), checkpoints);
  }

  static Checkpoint checkpoint(AuditRecord r) {
    return SIGNER.sign(r.stream(), r.seq(), r.hash(), r.time());
  }

  @Test
  void anIntactChainVerifies() {
    List<AuditRecord> records = chain(10);
    Verification v =
        verify(records, List.of(checkpoint(records.get(4)), checkpoint(records.get(9))));
    assertThat(v.intact()).as(v.reason()).isTrue();
    assertThat(v.records()).isEqualTo(10);
    assertThat(v.checkpoints()).isEqualTo(2);
    assertThat(v.lastSeq()).isEqualTo(10);
  }

  @Test
  void anEditedRecordIsNamed() {
    List<AuditRecord> records = new ArrayList<>(chain(10));
    AuditRecord r = records.get(6);
    records.set(
        6,
        new AuditRecord(
            r.stream(),
            r.seq(),
            r.time(),
            r.category(),
            r.resourceId(),
            r.operationName(),
            "500",
            r.durationMs(),
            r.callerIpAddress(),
            r.correlationId(),
            r.identity(),
            r.deployment(),
            r.properties(),
            r.previousHash(),
            r.hash()));
    Verification v = verify(records, List.of());
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(7);
  }

  @Test
  void aDeletedRecordIsNamed() {
    List<AuditRecord> records = new ArrayList<>(chain(10));
    records.remove(3);
    Verification v = verify(records, List.of());
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(4);
    assertThat(v.reason()).contains("missing");
  }

  @Test
  void reorderedRecordsAreNamed() {
    List<AuditRecord> records = new ArrayList<>(chain(10));
    Collections.swap(records, 2, 3);
    Verification v = verify(records, List.of());
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(3);
  }

  @Test
  void aRewrittenChainDisagreesWithItsCheckpoint() {
    List<AuditRecord> original = chain(10);
    Checkpoint signed = checkpoint(original.get(7));
    // Record 5 edited, and every hash after it recomputed: only the checkpoint can tell.
    var rewrite = new AuditChain("s1", 0, Canonical.GENESIS);
    List<AuditRecord> forged = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      AuditEntry e = entry(i);
      if (i == 5) {
        e =
            new AuditEntry(
                e.time(),
                e.category(),
                e.resourceId(),
                e.operationName(),
                "200",
                e.durationMs(),
                "10.9.9.9",
                e.correlationId(),
                e.identity(),
                e.deployment(),
                e.properties());
      }
      forged.add(rewrite.append(e));
    }
    Verification v = verify(forged, List.of(signed));
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(8);
    assertThat(v.reason()).contains("checkpoint");
  }

  @Test
  void truncationBeforeACheckpointIsFoundAndAForgedCheckpointIsRefused() {
    List<AuditRecord> records = chain(10);
    Verification cut = verify(records.subList(0, 6), List.of(checkpoint(records.get(9))));
    assertThat(cut.intact()).isFalse();
    assertThat(cut.brokenSeq()).isEqualTo(7);

    Checkpoint genuine = checkpoint(records.get(9));
    Checkpoint forged =
        new Checkpoint(
            genuine.stream(),
            genuine.seq(),
            genuine.hash(),
            genuine.time(),
            CheckpointSigner.ephemeral()
                .sign("s1", 10, genuine.hash(), genuine.time())
                .signature());
    assertThat(verify(records, List.of(forged)).intact()).isFalse();
  }

  @Test
  void aSweptStreamStartsAtACheckpointedRecordOnly() {
    List<AuditRecord> records = chain(10);
    Checkpoint at4 = checkpoint(records.get(3));
    assertThat(verify(records.subList(3, 10), List.of(at4)).intact()).isTrue();
    assertThat(verify(records.subList(4, 10), List.of(at4)).intact())
        .as("the record after a checkpoint that names its predecessor")
        .isTrue();
    Verification headless = verify(records.subList(5, 10), List.of(at4));
    assertThat(headless.intact()).isFalse();
    assertThat(headless.brokenSeq()).isEqualTo(5);
  }

  @Test
  void aRecordReadsBackFromItsLineByteForByte() {
    var canonical = new Canonical();
    for (AuditRecord r : chain(3)) {
      String line = canonical.line(r);
      assertThat(AuditFile.parse(line, 1)).isEqualTo(r);
      assertThat(canonical.line(AuditFile.parse(line, 1))).isEqualTo(line);
    }
  }
}
