package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer, the store (SQLite and PostgreSQL), the file, restarts and the retention sweep
 * together: whatever they do, the log still verifies.
 */
class AuditStoreTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void sqlite() throws Exception {
    try (var store =
        new JdbiStore(
            new DatabaseUrl.Sqlite(dir.resolve("audit.db")), new SecretBox(new byte[32]))) {
      exercise(store);
    }
  }

  @Test
  void postgres() throws Exception {
    try (var postgres = TestingPostgres.start();
        var store = new JdbiStore(postgres.newDatabase(), new SecretBox(new byte[32]))) {
      exercise(store);
    }
  }

  @Test
  void aNegativeLingerIsRefused() throws Exception {
    try (var store =
        new JdbiStore(
            new DatabaseUrl.Sqlite(dir.resolve("linger.db")), new SecretBox(new byte[32]))) {
      assertThatThrownBy(
              () ->
                  new AuditWriter(
                      store.audit(),
                      Optional.empty(),
                      CheckpointSigner.shared(store.secrets()),
                      "s1",
                      100,
                      CLOCK,
                      List.of(),
                      Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("linger");
    }
  }

  void exercise(JdbiStore store) throws Exception {
    AuditStore audit = store.audit();
    var signer = CheckpointSigner.shared(store.secrets());
    Path file = AuditFile.of(dir.resolve("audit"), "s1");
    try (var writer =
        new AuditWriter(audit, Optional.of(AuditFile.open(file)), signer, "s1", 100, CLOCK)) {
      for (int i = 1; i <= 250; i++) {
        writer.record(AuditVerifierTest.entry(i));
      }
    }
    var log = new AuditLog(audit, signer, Optional.of(dir.resolve("audit")));
    assertThat(log.verifyStore())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.intact()).as(v.reason()).isTrue();
              assertThat(v.records()).isEqualTo(250);
              assertThat(v.checkpoints()).isEqualTo(3);
            });
    assertThat(log.verifyFiles())
        .singleElement()
        .satisfies(v -> assertThat(v.intact()).as(v.reason()).isTrue());

    // A restart continues the chain; a new file starts at the head's checkpoint.
    Files.delete(file);
    try (var writer =
        new AuditWriter(audit, Optional.of(AuditFile.open(file)), signer, "s1", 100, CLOCK)) {
      for (int i = 251; i <= 260; i++) {
        writer.record(AuditVerifierTest.entry(i));
      }
    }
    assertThat(audit.last("s1").orElseThrow().seq()).isEqualTo(260);
    assertThat(log.verifyStore().getFirst().intact()).isTrue();
    assertThat(log.verifyFiles().getFirst().intact())
        .as(log.verifyFiles().getFirst().reason())
        .isTrue();

    // Two days later with one day's retention: everything up to the last checkpoint goes.
    Clock later = Clock.offset(CLOCK, Duration.ofDays(2));
    try (var sweeper = new AuditSweeper(audit, Duration.ofDays(1), later, Duration.ofHours(1))) {
      assertThat(sweeper.sweep()).isEqualTo(259);
    }
    Verification swept = log.verifyStore().getFirst();
    assertThat(swept.intact()).as(swept.reason()).isTrue();
    assertThat(swept.firstSeq()).isEqualTo(260);
    assertThat(
            audit.query(
                new AuditQuery(
                    Optional.empty(),
                    Optional.of("a/key1"),
                    Optional.empty(),
                    Optional.of("200"),
                    10)))
        .extracting(AuditRecord::seq)
        .isEqualTo(List.of(260L));
  }
}
