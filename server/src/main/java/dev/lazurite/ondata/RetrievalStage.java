package dev.lazurite.ondata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.NativeResponses;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.safety.ContentSafety;
import dev.lazurite.safety.Screening;
import dev.lazurite.tokens.TokenCounter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * On Your Data: for a chat request with {@code data_sources}, searches the named index, grounds the
 * model in the numbered documents, and returns the answer with its citations. The documents' shield
 * travels inward with the grounded request, for the completion filter's annotations. With {@code
 * in_scope} and nothing relevant found, the service's fixed answer stands in for the model.
 */
public final class RetrievalStage implements Stage {
  private final Retriever retriever;
  private final TokenCounter tokens;
  private final ContentSafety safety;
  private final Clock clock;

  public RetrievalStage(
      Retriever retriever, TokenCounter tokens, ContentSafety safety, Clock clock) {
    this.retriever = retriever;
    this.tokens = tokens;
    this.safety = safety;
    this.clock = clock;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    if (!(exchange.modelRequest() instanceof ChatRequest chat) || !chat.raw().has("data_sources")) {
      return chain.proceed(exchange);
    }
    DataSource ds = DataSourceParser.parse(chat.raw().get("data_sources"));
    String question =
        chat.messages().reversed().stream()
            .filter(m -> m.role().equals("user"))
            .map(ChatRequest.Message::text)
            .findFirst()
            .orElseThrow(
                () ->
                    DataSourceParser.invalid(
                        "messages", "On Your Data needs at least one user message to search for."));
    List<Retrieved> docs = retriever.retrieve(ds, question, exchange.account().account().name());
    List<Retrieved> used = docs.stream().filter(Retrieved::used).toList();
    Screening shield =
        safety.documents(
            exchange.deployment().filter(), used.stream().map(Retrieved::content).toList());
    if (shield.blocked()) {
      throw ApiException.contentFilter(shield.results());
    }
    var context = GroundedResponses.context(ds, docs, question);
    DeploymentRuntime deployment = exchange.deployment();
    ModelSpec model = deployment.model();
    Exchange shielded =
        exchange.withScreenings(
            exchange
                .screenings()
                .orElseThrow(() -> new IllegalStateException("PromptFilterStage has not run"))
                .withDocuments(shield));
    if (used.isEmpty() && ds.inScope()) {
      var fixed = new NotInDataAnswer(tokens.count(model.encoding(), NotInDataAnswer.TEXT), clock);
      return GroundedResponses.decorate(
          chain.proceed(
              shielded.withDeployment(
                  new DeploymentRuntime(
                      deployment.deployment(), model, fixed, List.of(), deployment.filter()))),
          context);
    }
    ChatRequest grounded = ground(chat, ds, used, model);
    return GroundedResponses.decorate(chain.proceed(shielded.withModelRequest(grounded)), context);
  }

  private ChatRequest ground(
      ChatRequest chat, DataSource ds, List<Retrieved> used, ModelSpec model) {
    List<GroundedPrompt.Document> documents = new ArrayList<>();
    for (int i = 0; i < used.size(); i++) {
      documents.add(new GroundedPrompt.Document(i + 1, used.get(i).title(), used.get(i).content()));
    }
    String role = ds.roleInformation();
    List<ChatRequest.Message> messages = new ArrayList<>();
    for (ChatRequest.Message m : chat.messages()) {
      if (m.role().equals("system") || m.role().equals("developer")) {
        role = role.isBlank() ? m.text() : role;
      } else {
        messages.add(m);
      }
    }
    String system = GroundedPrompt.build(role, documents);
    messages.addFirst(new ChatRequest.Message("system", system, "", List.of(), "", 0));
    ObjectNode raw = chat.raw().deepCopy();
    raw.remove("data_sources");
    if (raw.get(NativeResponses.REQUEST_FIELD) instanceof ObjectNode responses) {
      // An upstream that serves Responses itself gets the same grounding, as its instructions.
      responses.put("instructions", system);
    }
    ArrayNode rawMessages = raw.putArray("messages");
    rawMessages.addObject().put("role", "system").put("content", system);
    chat.raw()
        .path("messages")
        .forEach(
            m -> {
              String r = m.path("role").asText();
              if (!r.equals("system") && !r.equals("developer")) {
                ObjectNode copy = ((ObjectNode) m).deepCopy();
                copy.remove("context");
                rawMessages.add(copy);
              }
            });
    ChatRequest grounded =
        new ChatRequest(
            raw,
            messages,
            chat.tools(),
            chat.toolChoice(),
            chat.parallelToolCalls(),
            chat.responseFormat(),
            chat.n(),
            chat.stop(),
            chat.seed(),
            chat.maxTokens(),
            chat.maxTokensParam(),
            chat.logprobs(),
            chat.topLogprobs(),
            chat.stream(),
            chat.includeUsage(),
            0);
    return grounded.withPromptTokens(tokens.chatPrompt(model.encoding(), grounded));
  }
}
