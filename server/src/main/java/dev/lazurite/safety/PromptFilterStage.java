package dev.lazurite.safety;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.error.ApiException;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Content safety on the way in: screens every prompt under the deployment's policy before anything
 * else is spent on it (retrieval, a backend call). A filtered prompt gets Azure's 400; the others'
 * screenings travel inward on the exchange for {@link CompletionFilterStage} to annotate with.
 */
public final class PromptFilterStage implements Stage {
  private final ContentSafety safety;

  public PromptFilterStage(ContentSafety safety) {
    this.safety = safety;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    Optional<List<List<ContentSafety.Text>>> prompts = prompts(exchange.modelRequest());
    if (prompts.isEmpty() || guardCall(exchange.request().origin())) {
      return chain.proceed(exchange);
    }
    FilterPolicy policy = exchange.deployment().filter();
    List<Screening> screenings = new ArrayList<>();
    for (List<ContentSafety.Text> prompt : prompts.get()) {
      Screening s = safety.prompt(policy, prompt);
      if (s.blocked()) {
        throw ApiException.contentFilter(s.results());
      }
      screenings.add(s);
    }
    return chain.proceed(
        exchange.withScreenings(new Exchange.Screenings(screenings, Optional.empty())));
  }

  /** A guard model's own call, whose prompt quotes the text it judges: screening it would loop. */
  private static boolean guardCall(Origin origin) {
    return origin instanceof Origin.Internal internal
        && internal.purpose().equals(InternalCalls.CONTENT_GUARD);
  }

  /**
   * The texts of each prompt: one prompt for chat, one per prompt string for completions; empty for
   * requests the content filter does not apply to.
   */
  private static Optional<List<List<ContentSafety.Text>>> prompts(ModelRequest request) {
    return switch (request) {
      case ChatRequest chat -> {
        List<ContentSafety.Text> texts = new ArrayList<>(chat.messages().size());
        for (ChatRequest.Message m : chat.messages()) {
          texts.add(new ContentSafety.Text(m.text(), source(m.role())));
        }
        yield Optional.of(List.of(texts));
      }
      case CompletionRequest completion -> {
        List<List<ContentSafety.Text>> each = new ArrayList<>(completion.prompts().size());
        for (String p : completion.prompts()) {
          each.add(List.of(new ContentSafety.Text(p, Classifier.Source.PROMPT)));
        }
        yield Optional.of(each);
      }
      case EmbeddingRequest ignored -> Optional.empty();
    };
  }

  private static Classifier.Source source(String role) {
    return switch (role) {
      case "tool", "function" -> Classifier.Source.DOCUMENT;
      case "system", "developer" -> Classifier.Source.SYSTEM;
      default -> Classifier.Source.PROMPT;
    };
  }
}
