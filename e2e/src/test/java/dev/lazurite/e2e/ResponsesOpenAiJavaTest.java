package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.StructuredResponse;
import com.openai.models.responses.inputtokens.InputTokenCountParams;
import com.openai.models.responses.inputtokens.InputTokenCountResponse;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** com.openai:openai-java's Responses API, unchanged, in Azure (legacy) and v1 modes. */
class ResponsesOpenAiJavaTest {
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    // Chains carry the simulator's random answers back into the prompt.
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
    azure = OpenAiClients.azure(server, "2025-03-01-preview");
    v1 = OpenAiClients.v1(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String text(Response response) {
    StringBuilder text = new StringBuilder();
    for (ResponseOutputItem item : response.output()) {
      item.message()
          .ifPresent(
              m -> m.content().forEach(c -> c.outputText().ifPresent(t -> text.append(t.text()))));
    }
    return text.toString();
  }

  @Test
  void countsInputTokensInBothModes() {
    for (OpenAIClient client : List.of(azure, v1)) {
      Response created =
          client
              .responses()
              .create(
                  ResponseCreateParams.builder()
                      .model("gpt-4o")
                      .instructions("Be brief.")
                      .input("How many tokens is this?")
                      .build());
      InputTokenCountResponse counted =
          client
              .responses()
              .inputTokens()
              .count(
                  InputTokenCountParams.builder()
                      .model("gpt-4o")
                      .instructions("Be brief.")
                      .input("How many tokens is this?")
                      .build());
      counted.validate();
      assertThat(counted._object_()).isEqualTo(JsonValue.from("response.input_tokens"));
      assertThat(counted.inputTokens()).isEqualTo(created.usage().orElseThrow().inputTokens());

      InputTokenCountResponse chained =
          client
              .responses()
              .inputTokens()
              .count(
                  InputTokenCountParams.builder()
                      .model("gpt-4o")
                      .previousResponseId(created.id())
                      .input("And then?")
                      .build());
      assertThat(chained.inputTokens()).isGreaterThan(counted.inputTokens());
      assertThatThrownBy(
              () ->
                  client
                      .responses()
                      .inputTokens()
                      .count(
                          InputTokenCountParams.builder()
                              .model("gpt-4o")
                              .previousResponseId("resp_missing")
                              .input("x")
                              .build()))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void createsRetrievesAndDeletesInBothModes() {
    for (OpenAIClient client : List.of(azure, v1)) {
      Response created =
          client
              .responses()
              .create(
                  ResponseCreateParams.builder()
                      .model("gpt-4o")
                      .instructions("Be brief.")
                      .input("Hello!")
                      .build());
      created.validate();
      assertThat(created.id()).startsWith("resp_");
      assertThat(text(created)).isNotEmpty();
      assertThat(created.usage().orElseThrow().inputTokens()).isPositive();

      Response retrieved = client.responses().retrieve(created.id());
      retrieved.validate();
      assertThat(retrieved.id()).isEqualTo(created.id());
      assertThat(text(retrieved)).isEqualTo(text(created));
      assertThat(client.responses().inputItems().list(created.id()).data()).hasSize(1);

      client.responses().delete(created.id());
      assertThatThrownBy(() -> client.responses().retrieve(created.id()))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void streamsEventsInOrder() {
    for (OpenAIClient client : List.of(azure, v1)) {
      List<ResponseStreamEvent> events;
      try (StreamResponse<ResponseStreamEvent> stream =
          client
              .responses()
              .createStreaming(
                  ResponseCreateParams.builder().model("gpt-4o").input("Hello!").build())) {
        events = stream.stream().toList();
      }
      events.forEach(ResponseStreamEvent::validate);
      assertThat(events.getFirst().isCreated()).isTrue();
      assertThat(events.get(1).isInProgress()).isTrue();
      assertThat(events.get(2).isOutputItemAdded()).isTrue();
      assertThat(events.get(3).isContentPartAdded()).isTrue();
      assertThat(events.get(4).isOutputTextDelta()).isTrue();
      assertThat(events.getLast().isCompleted()).isTrue();
      StringBuilder deltas = new StringBuilder();
      events.stream()
          .flatMap(e -> e.outputTextDelta().stream())
          .forEach(d -> deltas.append(d.delta()));
      Response completed = events.getLast().asCompleted().response();
      assertThat(text(completed)).isEqualTo(deltas.toString());
      assertThat(completed.usage().orElseThrow().outputTokens()).isPositive();
    }
  }

  @Test
  void continuesAChainWithPreviousResponseId() {
    Response first =
        v1.responses()
            .create(ResponseCreateParams.builder().model("gpt-4o").input("I am Ada.").build());
    Response second =
        azure
            .responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .input("Who am I?")
                    .previousResponseId(first.id())
                    .build());
    assertThat(second.previousResponseId()).contains(first.id());
    assertThat(second.usage().orElseThrow().inputTokens())
        .isGreaterThan(first.usage().orElseThrow().totalTokens());
  }

  @Test
  void roundTripsAFunctionTool() {
    FunctionTool weather =
        FunctionTool.builder()
            .name("weather")
            .parameters(
                FunctionTool.Parameters.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty(
                        "properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                    .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                    .build())
            .strict(true)
            .build();
    Response call =
        v1.responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .input("Weather in Paris?")
                    .addTool(weather)
                    .build());
    ResponseFunctionToolCall function = call.output().getFirst().functionCall().orElseThrow();
    assertThat(function.name()).isEqualTo("weather");
    assertThat(function.arguments()).contains("city");

    Response answer =
        v1.responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .previousResponseId(call.id())
                    .inputOfResponse(
                        List.of(
                            ResponseInputItem.ofFunctionCallOutput(
                                ResponseInputItem.FunctionCallOutput.builder()
                                    .callId(function.callId())
                                    .output("sunny")
                                    .build())))
                    .addTool(weather)
                    .build());
    assertThat(answer.output().getFirst().isMessage()).isTrue();
    assertThat(text(answer)).isNotEmpty();
  }

  /** A structured output type. */
  public static class Person {
    public String name;
    public long age;
  }

  @Test
  void answersJsonSchemaOutputAsTheDeclaredType() {
    StructuredResponse<Person> response =
        v1.responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .input("Describe a person.")
                    .text(Person.class)
                    .build());
    Person person =
        response
            .output()
            .getFirst()
            .message()
            .orElseThrow()
            .content()
            .getFirst()
            .outputText()
            .orElseThrow();
    assertThat(person.name).isNotNull();
  }

  @Test
  void anOldApiVersionGetsAzuresFixed400() {
    OpenAIClient old = OpenAiClients.azure(server);
    assertThatThrownBy(
            () ->
                old.responses()
                    .create(ResponseCreateParams.builder().model("gpt-4o").input("Hi").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(
            "Azure OpenAI Responses API is enabled only for api-version 2025-03-01-preview and"
                + " later");
  }
}
