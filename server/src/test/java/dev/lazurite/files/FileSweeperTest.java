package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.jdbi.JdbiStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expired files are removed in the background, contents and records both. */
class FileSweeperTest {
  @TempDir Path dir;

  @Test
  void anExpiredFileIsSweptAndAFileThatHasNotExpiredIsKept() throws Exception {
    var now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    Clock clock = clockAt(now);
    try (var store = new JdbiStore(DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("s.db")), null)) {
      var files = new FileService(store.files(), new LocalFileStore(dir.resolve("files")), clock);
      FileObject expiring =
          files.upload(
              "res",
              FilePurpose.BATCH,
              "a.jsonl",
              new ByteArrayInputStream(new byte[3]),
              OptionalLong.of(1_209_600),
              100);
      FileObject kept =
          files.upload(
              "res",
              FilePurpose.BATCH,
              "b.jsonl",
              new ByteArrayInputStream(new byte[3]),
              OptionalLong.empty(),
              100);
      now.set(now.get().plusSeconds(1_209_600));
      try (var sweeper = FileSweeper.start(files, Duration.ofMillis(20))) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (files.count("res", List.of(FilePurpose.BATCH)) > 1 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
      }
      assertThat(files.count("res", List.of(FilePurpose.BATCH))).isEqualTo(1);
      assertThat(files.find("res", kept.id())).isPresent();
      assertThat(Files.exists(dir.resolve("files/res").resolve(expiring.id()))).isFalse();
      assertThat(Files.exists(dir.resolve("files/res").resolve(kept.id()))).isTrue();
    }
  }

  @Test
  void contentWhoseUploadNeverEndedIsRemovedOnceItIsOldAndAFinishedUploadIsNot() throws Exception {
    var now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    Clock clock = clockAt(now);
    try (var store = new JdbiStore(DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("s.db")), null)) {
      var files = new FileService(store.files(), new LocalFileStore(dir.resolve("files")), clock);
      FileObject done =
          files.upload(
              "res",
              FilePurpose.BATCH,
              "a.jsonl",
              new ByteArrayInputStream(new byte[3]),
              OptionalLong.empty(),
              100);
      // A process that dies after storing a content and before it becomes a file leaves this.
      var left =
          files.stage(
              "res", FileIds.upload(FilePurpose.BATCH), new ByteArrayInputStream(new byte[5]), 100);
      Path leftPath = dir.resolve("files/res").resolve(left.id());
      assertThat(Files.exists(leftPath)).isTrue();

      assertThat(files.sweepAbandoned(now.get().minus(FileSweeper.ABANDONED_AFTER), 10)).isZero();
      now.set(now.get().plus(FileSweeper.ABANDONED_AFTER).plusSeconds(1));
      try (var sweeper = FileSweeper.start(files, Duration.ofMillis(20), clock)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(leftPath) && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
      }
      assertThat(Files.exists(leftPath)).isFalse();
      assertThat(files.find("res", done.id())).isPresent();
      assertThat(Files.exists(dir.resolve("files/res").resolve(done.id()))).isTrue();
      assertThat(store.files().abandoned(Long.MAX_VALUE, 10)).isEmpty();
    }
  }

  /** A clock that reads the instant {@code now} holds. */
  private static Clock clockAt(AtomicReference<Instant> now) {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
  }
}
