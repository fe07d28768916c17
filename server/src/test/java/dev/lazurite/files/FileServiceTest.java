package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.jdbi.JdbiStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileServiceTest {
  private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

  @TempDir Path dir;
  private JdbiStore store;
  private FileService files;

  @BeforeEach
  void open() {
    store = new JdbiStore(DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("store.db")), null);
    files =
        new FileService(
            store.files(),
            new LocalFileStore(dir.resolve("files")),
            Clock.fixed(T, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anUploadIsProcessedReadableAndDeletable() throws Exception {
    FileObject file =
        files.upload(
            "res",
            FilePurpose.BATCH,
            "in.jsonl",
            text("{\"a\":1}\n"),
            OptionalLong.of(1209600),
            100);

    assertThat(file.id()).matches("file-[0-9a-f]{32}");
    assertThat(file.bytes()).isEqualTo(8);
    assertThat(file.status()).isEqualTo(FileStatus.PROCESSED);
    assertThat(file.expiresAt()).hasValue(T.getEpochSecond() + 1209600);
    try (var content = files.open("res", file.id()).orElseThrow()) {
      assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"a\":1}\n");
    }
    assertThat(files.open("other", file.id())).isEmpty();
    assertThat(files.delete("other", file.id())).isFalse();
    assertThat(files.delete("res", file.id())).isTrue();
    assertThat(files.find("res", file.id())).isEmpty();
    assertThat(files.open("res", file.id())).isEmpty();
  }

  @Test
  void assistantsFilesGetAzuresAssistantIds() throws Exception {
    FileObject file =
        files.upload("res", FilePurpose.ASSISTANTS, "a.txt", text("x"), OptionalLong.empty(), 10);
    assertThat(file.id()).matches("assistant-[0-9A-Za-z]{22}");
    assertThat(FileIds.output()).matches("file-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab].*");
  }

  @Test
  void aContentOverTheLimitLeavesNothing() throws Exception {
    assertThatThrownBy(
            () ->
                files.upload(
                    "res",
                    FilePurpose.BATCH,
                    "big.jsonl",
                    text("0123456789"),
                    OptionalLong.empty(),
                    9))
        .isInstanceOf(FileTooLargeException.class);
    assertThat(files.list("res", Optional.empty(), Optional.empty(), 10, true)).isEmpty();
    try (var left = Files.walk(dir.resolve("files"))) {
      assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void expiredFilesAreNotFoundAndSweptAway() throws Exception {
    var later =
        new FileService(
            store.files(),
            new LocalFileStore(dir.resolve("files")),
            Clock.fixed(T.plusSeconds(3600), ZoneOffset.UTC));
    FileObject file =
        files.upload("res", FilePurpose.BATCH, "in.jsonl", text("x"), OptionalLong.of(60), 10);
    assertThat(files.find("res", file.id())).isPresent();
    assertThat(later.find("res", file.id())).isEmpty();
    assertThat(later.list("res", Optional.empty(), Optional.empty(), 10, true)).isEmpty();
    assertThat(later.sweepExpired(10)).isEqualTo(1);
    assertThat(store.files().find("res", file.id())).isEmpty();
  }

  @Test
  void idsThatNameAPathAreNeverLookedUp() throws Exception {
    assertThat(files.find("res", "../../etc/passwd")).isEmpty();
    assertThat(files.delete("res", "..")).isFalse();
    var local = new LocalFileStore(dir.resolve("files"));
    assertThatThrownBy(() -> local.open("..", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(files.count("res", List.of(FilePurpose.BATCH))).isZero();
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
