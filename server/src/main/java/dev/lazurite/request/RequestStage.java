package dev.lazurite.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.ChatRequestParser;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.CompletionRequestParser;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.EmbeddingRequestParser;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.tokens.TokenCounter;
import dev.lazurite.version.ApiVersionStage;
import java.util.List;
import java.util.function.Function;

/**
 * Validates the body for its operation and api-version, counts its prompt tokens with the
 * deployment model's encoding, and refuses what the model cannot take (context window, output
 * limit, parameters the model family rejects).
 */
public final class RequestStage implements Stage {
  private final TokenCounter tokens;

  public RequestStage(TokenCounter tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    ModelSpec model = exchange.deployment().model();
    ObjectNode body = exchange.jsonBody();
    // Only the Responses stage may hand a backend a Responses body (a chat client's is refused as
    // an unknown argument); it is set aside while the chat body is validated.
    JsonNode passThrough =
        exchange.route().operation() == dev.lazurite.pipeline.Operation.RESPONSES_CREATE
            ? body.remove(dev.lazurite.api.NativeResponses.REQUEST_FIELD)
            : null;
    String date = ApiVersionStage.featureDate(exchange.route());
    Function<List<Integer>, String> decoder = ids -> tokens.decode(model.encoding(), ids);
    ModelRequest request =
        switch (exchange.route().operation()) {
          // Responses arrive here already translated to a chat body by their own stage.
          case CHAT_COMPLETIONS, RESPONSES_CREATE ->
              chat(ChatRequestParser.parse(body, date), model);
          case COMPLETIONS -> completion(CompletionRequestParser.parse(body, date, decoder), model);
          case EMBEDDINGS -> embedding(EmbeddingRequestParser.parse(body, decoder), model);
          case LIST_MODELS,
              FILES_UPLOAD,
              FILES_LIST,
              FILES_GET,
              FILES_DELETE,
              FILES_CONTENT,
              BATCHES_CREATE,
              BATCHES_LIST,
              BATCHES_GET,
              BATCHES_CANCEL,
              RESPONSES_INPUT_TOKENS,
              RESPONSES_GET,
              RESPONSES_DELETE,
              RESPONSES_INPUT_ITEMS,
              RESPONSES_CANCEL,
              IMAGES_GENERATIONS,
              IMAGES_EDITS,
              AUDIO_TRANSCRIPTIONS,
              AUDIO_TRANSLATIONS,
              AUDIO_SPEECH ->
              throw new IllegalStateException("not a model call: " + exchange.route().operation());
        };
    if (passThrough != null) {
      request.raw().set(dev.lazurite.api.NativeResponses.REQUEST_FIELD, passThrough);
    }
    return chain.proceed(exchange.withModelRequest(request));
  }

  private ChatRequest chat(ChatRequest request, ModelSpec model) {
    if (model.reasoning()
        && request.maxTokensParam().equals("max_tokens")
        && request.maxTokens().isPresent()) {
      throw ContextLimits.unsupportedMaxTokens();
    }
    ChatRequest counted = request.withPromptTokens(tokens.chatPrompt(model.encoding(), request));
    ContextLimits.checkChat(counted, model);
    return counted;
  }

  private CompletionRequest completion(CompletionRequest request, ModelSpec model) {
    int prompt = 0;
    int longest = 0;
    for (String p : request.prompts()) {
      int count = tokens.count(model.encoding(), p);
      prompt += count;
      longest = Math.max(longest, count);
    }
    ContextLimits.checkCompletion(longest, request.maxTokens(), model);
    return request.withPromptTokens(prompt);
  }

  private EmbeddingRequest embedding(EmbeddingRequest request, ModelSpec model) {
    int prompt = 0;
    for (String input : request.inputs()) {
      int count = tokens.count(model.encoding(), input);
      ContextLimits.checkEmbeddingInput(count, model);
      prompt += count;
    }
    return request.withPromptTokens(prompt);
  }
}
