package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Outcome;
import dev.lazurite.pipeline.Route;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingGraph;
import dev.lazurite.testing.TestingMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Azure's size and count limits on uploads, lowered so that a test need not send 200 MB. */
class UploadLimitsTest {
  static final FileLimits LIMITS = new FileLimits(10, 20, 2, 3);

  @TempDir Path dir;
  JdbiStore store;
  FileService files;
  TestingGraph graph;

  @BeforeEach
  void open() {
    store = new JdbiStore(DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("store.db")), null);
    files =
        new FileService(store.files(), new LocalFileStore(dir.resolve("files")), Clock.systemUTC());
    graph = new TestingGraph().deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend());
    FileStages.of(files, LIMITS).forEach(graph::resource);
  }

  @AfterEach
  void close() {
    store.close();
  }

  Outcome upload(TestingMultipart form) {
    return graph
        .pipelines()
        .execute(
            new Exchange(
                new Exchange.Request(
                    "req-" + System.nanoTime(),
                    new Route(Route.Style.DATED, Operation.FILES_UPLOAD, Map.of(), "2024-10-21"),
                    Map.of(
                        "api-key",
                        TestingGraph.KEY,
                        "content-type",
                        TestingMultipart.contentType()),
                    Map.of(),
                    new byte[0],
                    Optional.of(new ByteArrayInputStream(form.body())),
                    Origin.Remote.loopback(),
                    System.nanoTime())));
  }

  static String error(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    ApiException e = ((Outcome.Failed) outcome).error();
    return new String(ErrorRenderer.render(e), StandardCharsets.UTF_8);
  }

  static TestingMultipart form(String purpose, int bytes, boolean purposeFirst) {
    var form = new TestingMultipart();
    if (purposeFirst) {
      form.field("purpose", purpose);
    }
    form.file("f.jsonl", "x".repeat(bytes));
    if (!purposeFirst) {
      form.field("purpose", purpose);
    }
    return form;
  }

  long stored() throws Exception {
    try (Stream<Path> all = Files.walk(dir.resolve("files"))) {
      return all.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void aFileOverItsPurposesLimitIsRefusedWhicheverComesFirst() throws Exception {
    for (boolean purposeFirst : List.of(true, false)) {
      assertThat(upload(form("batch", 10, purposeFirst))).isInstanceOf(Outcome.Answered.class);
      assertThat(error(upload(form("batch", 11, purposeFirst))))
          .isEqualTo(
              "{\"error\":{\"code\":\"invalidPayload\",\"message\":\"The file is too large: a file"
                  + " with purpose 'batch' may hold at most 10 bytes.\"}}");
      assertThat(upload(form("fine-tune", 20, purposeFirst))).isInstanceOf(Outcome.Answered.class);
      assertThat(error(upload(form("fine-tune", 21, purposeFirst)))).contains("at most 20 bytes");
      files
          .list("acct", Optional.empty(), Optional.empty(), 100, true)
          .forEach(f -> assertThat(f.bytes()).isLessThanOrEqualTo(20));
    }
    assertThat(error(upload(form("assistants", 25, false))))
        .contains("a file may hold at most 20 bytes");
    assertThat(stored()).isEqualTo(4);
  }

  @Test
  void aBodyDeclaredLargerThanAnyFileMayBeIsRefusedBeforeItIsRead() {
    var request =
        new Exchange.Request(
            "req-" + System.nanoTime(),
            new Route(Route.Style.DATED, Operation.FILES_UPLOAD, Map.of(), "2024-10-21"),
            Map.of(
                "api-key",
                TestingGraph.KEY,
                "content-type",
                TestingMultipart.contentType(),
                "content-length",
                Long.toString(20 + UploadStage.FORM_OVERHEAD + 1)),
            Map.of(),
            new byte[0],
            Optional.of(
                new java.io.InputStream() {
                  @Override
                  public int read() {
                    throw new AssertionError("the body must not be read");
                  }
                }),
            Origin.Remote.loopback(),
            System.nanoTime());
    assertThat(error(graph.pipelines().execute(new Exchange(request))))
        .contains("a file may hold at most 20 bytes");
  }

  @Test
  void batchFilesPerResourceAreLimitedOutputFilesIncludedMoreWhenTheyExpire() throws Exception {
    assertThat(upload(form("batch", 1, true))).isInstanceOf(Outcome.Answered.class);
    files.storeOutput(
        "acct",
        FilePurpose.BATCH_OUTPUT,
        "out.jsonl",
        new ByteArrayInputStream(new byte[1]),
        OptionalLong.empty());
    String refused = error(upload(form("batch", 1, true)));
    assertThat(refused)
        .isEqualTo(
            "{\"error\":{\"code\":\"quotaExceeded\",\"message\":\"This resource already holds 2"
                + " batch files. A resource may hold 2 batch files, or 3 when files are uploaded"
                + " with expires_after; delete files and try again.\"}}");
    assertThat(upload(form("fine-tune", 1, true))).isInstanceOf(Outcome.Answered.class);
    var expiring =
        form("batch", 1, true)
            .field("expires_after[seconds]", "1209600")
            .field("expires_after[anchor]", "created_at");
    assertThat(upload(expiring)).isInstanceOf(Outcome.Answered.class);
    assertThat(error(upload(expiring))).contains("already holds 3 batch files");
    assertThat(stored()).isEqualTo(4);
  }
}
