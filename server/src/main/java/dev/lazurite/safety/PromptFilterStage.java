package dev.lazurite.safety;

import dev.lazurite.api.ApiVersion;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Content safety for chat and completions: screens every prompt under the deployment's policy
 * before any backend is called (a filtered prompt gets Azure's 400 and costs no backend call), then
 * screens what comes back, whole or as it streams, and writes Azure's annotations.
 */
public final class PromptFilterStage implements Stage {
  private final ContentSafety safety;

  public PromptFilterStage(ContentSafety safety) {
    this.safety = safety;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    Optional<ModelRequest> request = exchange.request().facts().modelRequest();
    List<List<ContentSafety.Text>> prompts =
        request.map(PromptFilterStage::prompts).orElse(List.of());
    if (prompts.isEmpty()) {
      return chain.proceed(exchange);
    }
    FilterPolicy policy = exchange.deployment().filter();
    List<Screening> screenings = new ArrayList<>();
    for (List<ContentSafety.Text> prompt : prompts) {
      Screening s = safety.prompt(policy, prompt);
      if (s.blocked()) {
        throw ApiException.contentFilter(s.results());
      }
      screenings.add(s);
    }
    Response response = chain.proceed(exchange);
    boolean annotate = annotates(exchange.route());
    var filter =
        new ResponseFilter(
            safety, policy, screenings, annotate, exchange.request().facts()::documentScreening);
    return switch (response) {
      case Response.Json json -> filter.whole(json);
      case Response.Stream stream ->
          stream.withEvents(
              policy.asynchronous()
                  ? new AsynchronousStream(filter, stream.events())
                  : new HeldBackStream(filter, stream.events()));
    };
  }

  /** The texts of each prompt: one prompt for chat, one per prompt string for completions. */
  private static List<List<ContentSafety.Text>> prompts(ModelRequest request) {
    return switch (request) {
      case ChatRequest chat ->
          List.of(
              chat.messages().stream()
                  .map(m -> new ContentSafety.Text(m.text(), source(m.role())))
                  .toList());
      case CompletionRequest completion ->
          completion.prompts().stream()
              .map(p -> List.of(new ContentSafety.Text(p, Classifier.Source.PROMPT)))
              .toList();
      default -> List.of();
    };
  }

  private static Classifier.Source source(String role) {
    return switch (role) {
      case "tool", "function" -> Classifier.Source.DOCUMENT;
      case "system", "developer" -> Classifier.Source.SYSTEM;
      default -> Classifier.Source.PROMPT;
    };
  }

  /**
   * Whether responses carry annotations: previews from 2023-06-01-preview, GA from 2024-02-01, and
   * the v1 routes. Filtering itself applies to every version.
   */
  static boolean annotates(Route route) {
    if (route.style() == Route.Style.V1) {
      return true;
    }
    String version = route.apiVersion();
    String date = ApiVersion.dateOf(version);
    return version.endsWith("-preview")
        ? date.compareTo("2023-06-01") >= 0
        : date.compareTo("2024-02-01") >= 0;
  }
}
