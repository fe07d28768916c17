package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileDeleted;
import com.openai.models.files.FileListParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Files API through com.openai:openai-java, unchanged, in Azure (dated) and v1 modes. */
class FilesOpenAiJavaTest {
  static final String LINES =
      "{\"custom_id\":\"1\",\"method\":\"POST\",\"url\":\"/chat/completions\",\"body\":{}}\n";
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    azure = OpenAiClients.azure(server);
    v1 = OpenAiClients.v1(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static FileCreateParams.Builder batchFile(String name) {
    return FileCreateParams.builder()
        .file(
            MultipartField.<InputStream>builder()
                .value(new ByteArrayInputStream(LINES.getBytes(StandardCharsets.UTF_8)))
                .filename(name)
                .build())
        .purpose(FilePurpose.BATCH);
  }

  static void uploadListReadDelete(OpenAIClient client) throws Exception {
    FileObject file = client.files().create(batchFile("batch.jsonl").build());
    assertThat(file.id()).startsWith("file-");
    assertThat(file.filename()).isEqualTo("batch.jsonl");
    assertThat(file.bytes()).isEqualTo(LINES.length());
    assertThat(file.purpose()).isEqualTo(FileObject.Purpose.BATCH);
    assertThat(file.status()).isEqualTo(FileObject.Status.PROCESSED);

    List<String> ids = client.files().list().data().stream().map(FileObject::id).toList();
    assertThat(ids).contains(file.id());
    assertThat(
            client
                .files()
                .list(
                    FileListParams.builder()
                        .purpose("batch")
                        .limit(1)
                        .order(FileListParams.Order.DESC)
                        .build())
                .data())
        .hasSize(1);
    assertThat(client.files().retrieve(file.id()).filename()).isEqualTo("batch.jsonl");
    try (HttpResponse content = client.files().content(file.id());
        InputStream body = content.body()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(LINES);
    }
    FileDeleted deleted = client.files().delete(file.id());
    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.id()).isEqualTo(file.id());
    assertThatThrownBy(() -> client.files().retrieve(file.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void uploadsListsReadsAndDeletesOnTheDatedRoutes() throws Exception {
    uploadListReadDelete(azure);
  }

  @Test
  void uploadsListsReadsAndDeletesOnTheV1Routes() throws Exception {
    uploadListReadDelete(v1);
  }

  @Test
  void anExpiryIsSentAndAnsweredAsAzureDoes() {
    FileObject file =
        v1.files()
            .create(
                batchFile("expiring.jsonl")
                    .expiresAfter(
                        FileCreateParams.ExpiresAfter.builder().seconds(1_209_600L).build())
                    .build());
    assertThat(file.expiresAt()).hasValue(file.createdAt() + 1_209_600L);
  }

  @Test
  void aPurposeAzureRefusesIsABadRequest() {
    assertThatThrownBy(
            () -> azure.files().create(batchFile("x.jsonl").purpose(FilePurpose.USER_DATA).build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid value for purpose.");
  }
}
