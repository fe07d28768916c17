package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseError;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * com.openai:openai-java's background responses (create, poll, cancel) and a stream whose model
 * fails after it started, in Azure (legacy) and v1 modes.
 */
class ResponsesBackgroundOpenAiJavaTest {
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
    TestingCli.run(server, "backend", "create", "--name", "resets", "--fault-reset", "1");
    TestingCli.run(
        server,
        "deployment",
        "create",
        "--deployment-name",
        "resetting",
        "--model-name",
        "gpt-4o",
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "100",
        "--backends",
        "resets");
    azure = OpenAiClients.azure(server, "2025-03-01-preview");
    v1 = OpenAiClients.v1(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Response waitForEnd(OpenAIClient client, String id) throws InterruptedException {
    long until = System.nanoTime() + PATIENCE.toNanos();
    Response got;
    do {
      got = client.responses().retrieve(id);
      ResponseStatus status = got.status().orElseThrow();
      if (!status.equals(ResponseStatus.QUEUED) && !status.equals(ResponseStatus.IN_PROGRESS)) {
        return got;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < until);
    throw new AssertionError("still running: " + got);
  }

  @Test
  void aBackgroundResponseIsPolledToItsEnd() throws InterruptedException {
    for (OpenAIClient client : List.of(azure, v1)) {
      Response created =
          client
              .responses()
              .create(
                  ResponseCreateParams.builder()
                      .model("gpt-4o")
                      .input("Hello!")
                      .background(true)
                      .build());
      created.validate();
      assertThat(created.background()).contains(true);
      assertThat(created.status().orElseThrow())
          .isIn(ResponseStatus.QUEUED, ResponseStatus.IN_PROGRESS);

      Response done = waitForEnd(client, created.id());
      done.validate();
      assertThat(done.status()).contains(ResponseStatus.COMPLETED);
      assertThat(ResponsesOpenAiJavaTest.text(done)).isNotEmpty();
      assertThat(done.usage().orElseThrow().outputTokens()).isPositive();

      assertThatThrownBy(() -> client.responses().cancel(created.id()))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("Cannot cancel a response with status 'completed'.");
    }
  }

  @Test
  void aStreamedBackgroundResponseIsResumedAfterASequenceNumber() {
    for (OpenAIClient client : List.of(azure, v1)) {
      List<ResponseStreamEvent> events;
      try (StreamResponse<ResponseStreamEvent> stream =
          client
              .responses()
              .createStreaming(
                  ResponseCreateParams.builder()
                      .model("gpt-4o")
                      .input("Tell me about tea.")
                      .background(true)
                      .build())) {
        events = stream.stream().toList();
      }
      events.forEach(ResponseStreamEvent::validate);
      assertThat(events.getFirst().isQueued()).isTrue();
      assertThat(events.getLast().isCompleted()).isTrue();
      String id = events.getLast().asCompleted().response().id();

      List<ResponseStreamEvent> resumed;
      try (StreamResponse<ResponseStreamEvent> stream =
          client
              .responses()
              .retrieveStreaming(
                  id,
                  com.openai.models.responses.ResponseRetrieveParams.builder()
                      .startingAfter(2L)
                      .build())) {
        resumed = stream.stream().toList();
      }
      assertThat(resumed).isEqualTo(events.subList(3, events.size()));
    }
  }

  @Test
  void aForegroundResponseCannotBeStreamedAgain() {
    Response sync =
        v1.responses()
            .create(ResponseCreateParams.builder().model("gpt-4o").input("Hello!").build());
    assertThatThrownBy(() -> v1.responses().retrieveStreaming(sync.id()).stream().toList())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("not created with background=true");
  }

  @Test
  void backgroundWithoutStoreIsRefused() {
    assertThatThrownBy(
            () ->
                v1.responses()
                    .create(
                        ResponseCreateParams.builder()
                            .model("gpt-4o")
                            .input("Hello!")
                            .background(true)
                            .store(false)
                            .build()))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void cancellingASynchronousOrUnknownResponseFails() {
    Response sync =
        azure
            .responses()
            .create(ResponseCreateParams.builder().model("gpt-4o").input("Hello!").build());
    assertThatThrownBy(() -> azure.responses().cancel(sync.id()))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v1.responses().cancel("resp_unknown"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aModelFailingMidStreamEndsWithResponseFailed() {
    for (OpenAIClient client : List.of(azure, v1)) {
      List<ResponseStreamEvent> events;
      try (StreamResponse<ResponseStreamEvent> stream =
          client
              .responses()
              .createStreaming(
                  ResponseCreateParams.builder()
                      .model("resetting")
                      .input("Tell me a long story.")
                      .build())) {
        events = stream.stream().toList();
      }
      events.forEach(ResponseStreamEvent::validate);
      assertThat(events.getFirst().isCreated()).isTrue();
      assertThat(events.getLast().isFailed()).isTrue();
      Response failed = events.getLast().asFailed().response();
      assertThat(failed.status()).contains(ResponseStatus.FAILED);
      ResponseError error = failed.error().orElseThrow();
      assertThat(error.code()).isEqualTo(ResponseError.Code.SERVER_ERROR);
      assertThat(error.message()).isNotEmpty();
      assertThat(client.responses().retrieve(failed.id()).status()).contains(ResponseStatus.FAILED);
    }
  }
}
