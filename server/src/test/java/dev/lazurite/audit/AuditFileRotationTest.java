package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.config.ConfigLoader;
import dev.lazurite.json.FileRotation;
import dev.lazurite.json.RotatingLines;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit file rotates by size: old segments beyond the retention count are deleted, the
 * remaining segments and the current file verify as one chain, and an edit or a missing segment is
 * still found.
 */
class AuditFileRotationTest {
  static final int RECORDS = 600;

  @TempDir Path dir;
  JdbiStore store;
  CheckpointSigner signer;
  Path file;
  AuditLog log;

  @BeforeEach
  void write() throws Exception {
    store =
        new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("audit.db")), new SecretBox(new byte[32]));
    signer = CheckpointSigner.shared(store.secrets());
    file = AuditFile.of(dir.resolve("audit"), "s1");
    // About 600 bytes a line: a segment holds some 14 records, so the 600 records take dozens.
    var rotation = new FileRotation(8 * 1024, 3);
    try (var writer =
        new AuditWriter(
            store.audit(),
            Optional.of(AuditFile.open(file, rotation)),
            signer,
            "s1",
            100,
            AuditStoreTest.CLOCK)) {
      for (int i = 1; i <= RECORDS; i++) {
        writer.record(AuditVerifierTest.entry(i));
        if (i % 10 == 0) {
          writer.flush();
        }
      }
    }
    log = new AuditLog(store.audit(), signer, Optional.of(dir.resolve("audit")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void rotatedSegmentsBeyondTheRetentionCountAreDeleted() throws Exception {
    List<Path> segments = RotatingLines.segments(file);
    assertThat(segments).hasSize(3);
    assertThat(segments)
        .extracting(p -> p.getFileName().toString())
        .allMatch(name -> name.matches("audit-s1\\.[0-9]+\\.jsonl"));
    // Numbered in order, the newest highest, and many more were written than are kept.
    long newest = number(segments.getLast());
    assertThat(newest).isGreaterThan(10);
    assertThat(segments)
        .extracting(AuditFileRotationTest::number)
        .containsExactly(newest - 2, newest - 1, newest);
    for (Path segment : segments) {
      assertThat(Files.size(segment)).isGreaterThanOrEqualTo(8 * 1024).isLessThan(64 * 1024);
      List<String> lines = Files.readAllLines(segment);
      assertThat(lines.getFirst()).startsWith("{\"checkpoint\"");
      assertThat(lines.getLast()).startsWith("{\"checkpoint\"");
    }
    assertThat(Files.size(file)).isLessThan(8 * 1024 + 64 * 1024);
  }

  @Test
  void theRemainingSegmentsAndTheCurrentFileVerifyAsOneChain() throws Exception {
    assertThat(log.verifyFiles())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.intact()).as(v.reason()).isTrue();
              assertThat(v.lastSeq()).isEqualTo(RECORDS);
              assertThat(v.firstSeq()).isGreaterThan(1);
              assertThat(v.records()).isEqualTo(RECORDS - v.firstSeq() + 1);
            });
    // Naming the current file alone (the CLI's --file) reads its segments too.
    Verification offline = AuditFile.verify(file, new AuditVerifier(signer::verify));
    assertThat(offline.intact()).as(offline.reason()).isTrue();
    assertThat(offline.lastSeq()).isEqualTo(RECORDS);
    Verification stored = log.verifyStore().getFirst();
    assertThat(stored.intact()).as(stored.reason()).isTrue();
    assertThat(stored.records()).isEqualTo(RECORDS);
  }

  @Test
  void anEditInARotatedSegmentIsFound() throws Exception {
    Path middle = RotatingLines.segments(file).get(1);
    List<String> lines = Files.readAllLines(middle, StandardCharsets.UTF_8);
    int at = 2;
    assertThat(lines.get(at)).doesNotStartWith("{\"checkpoint\"");
    long seq = AuditFile.parse(lines.get(at), at).seq();
    lines.set(
        at, lines.get(at).replace("\"resultSignature\":\"200\"", "\"resultSignature\":\"500\""));
    Files.write(middle, lines, StandardCharsets.UTF_8);

    assertThat(log.verifyFiles())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.intact()).isFalse();
              assertThat(v.brokenSeq()).isEqualTo(seq);
              assertThat(v.reason()).contains("does not match its hash");
            });
    assertThat(AuditFile.verify(file, new AuditVerifier(signer::verify)).intact()).isFalse();
  }

  @Test
  void aMissingMiddleSegmentIsFound() throws Exception {
    Files.delete(RotatingLines.segments(file).get(1));
    Verification v = log.verifyFiles().getFirst();
    assertThat(v.intact()).isFalse();
    assertThat(v.reason()).contains("missing");
  }

  @Test
  void aWriterAfterARestartContinuesTheRotatedSet() throws Exception {
    try (var writer =
        new AuditWriter(
            store.audit(),
            Optional.of(AuditFile.open(file, new FileRotation(8 * 1024, 3))),
            signer,
            "s1",
            100,
            AuditStoreTest.CLOCK)) {
      for (int i = RECORDS + 1; i <= RECORDS + 50; i++) {
        writer.record(AuditVerifierTest.entry(i));
        writer.flush();
      }
    }
    Verification v = log.verifyFiles().getFirst();
    assertThat(v.intact()).as(v.reason()).isTrue();
    assertThat(v.lastSeq()).isEqualTo(RECORDS + 50);
    assertThat(RotatingLines.segments(file)).hasSize(3);
  }

  @Test
  void rotationSettingsAreReadAndBadOnesRefused() throws Exception {
    var defaults = ConfigLoader.load(Map.of(), Map.of(), Optional.empty()).audit().fileRotation();
    assertThat(defaults).isEqualTo(new FileRotation(100L * 1024 * 1024, 10));
    var set =
        ConfigLoader.load(
                Map.of(),
                Map.of("LAZURITE_AUDIT_FILE_MAX_MB", "5", "LAZURITE_AUDIT_FILE_KEEP", "2"),
                Optional.empty())
            .audit()
            .fileRotation();
    assertThat(set).isEqualTo(new FileRotation(5L * 1024 * 1024, 2));
    var never =
        ConfigLoader.load(Map.of(), Map.of("LAZURITE_AUDIT_FILE_MAX_MB", "0"), Optional.empty())
            .audit()
            .fileRotation();
    assertThat(never.due(Long.MAX_VALUE)).isFalse();
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(), Map.of("LAZURITE_AUDIT_FILE_MAX_MB", "-1"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LAZURITE_AUDIT_FILE_MAX_MB");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(), Map.of("LAZURITE_AUDIT_FILE_KEEP", "0"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kept");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(),
                    Map.of("LAZURITE_AUDIT_FILE_MAX_MB", "9223372036854775807"),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }

  private static long number(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring("audit-s1.".length(), name.length() - ".jsonl".length()));
  }
}
