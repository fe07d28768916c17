package dev.lazurite.safety;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a deployment's content filter policy to texts: classifies them, matches blocklists and
 * profanity, and says what Azure would annotate and whether it filters. When the classifier cannot
 * answer, a fail-open server annotates the error and lets the text through; a fail-closed one
 * refuses the request. When a fallback classifier decided in place of a failed one, its verdict
 * filters and the failure is annotated beside it.
 */
public final class ContentSafety {
  private static final Logger LOG = LoggerFactory.getLogger(ContentSafety.class);

  private final Classifier classifier;
  private final boolean failClosed;

  /** Annotations already written, by what they say: most texts come to the same few findings. */
  private final AnnotationCache annotations = new AnnotationCache();

  public ContentSafety(Classifier classifier, boolean failClosed) {
    this.classifier = classifier;
    this.failClosed = failClosed;
  }

  /** One text of a prompt and what kind of text it is. */
  public record Text(String content, Classifier.Source source) {}

  /** Screens the texts of one prompt together: the worst of them counts. */
  public Screening prompt(FilterPolicy policy, List<Text> texts) {
    Assessment worst = Assessment.of(Map.of());
    boolean profanity = false;
    boolean documents = false;
    List<BlocklistMatcher> hits = new ArrayList<>();
    for (Text t : texts) {
      if (t.content().isBlank()) {
        continue;
      }
      worst = worst.max(classify(t.content(), t.source()));
      profanity |= Profanity.in(t.content());
      documents |= t.source() == Classifier.Source.DOCUMENT;
      for (BlocklistMatcher m : policy.promptBlocklists()) {
        if (!hits.contains(m) && m.matches(t.content())) {
          hits.add(m);
        }
      }
    }
    return annotations.prompt(policy, new Annotations.Findings(worst, documents, profanity, hits));
  }

  /**
   * Screens retrieved documents for instructions planted in them. Only the indirect-attack shield
   * applies (documents may well discuss harmful subjects); its result is empty when the policy does
   * not enable it.
   */
  public Screening documents(FilterPolicy policy, List<String> documents) {
    FilterPolicy.Rule rule = policy.prompt().get(Category.INDIRECT_ATTACK);
    var results = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (rule == null) {
      return new Screening(results, false);
    }
    boolean detected = false;
    for (String d : documents) {
      Assessment a = classify(d, Classifier.Source.DOCUMENT);
      detected |= a.detected(Category.INDIRECT_ATTACK);
    }
    boolean blocked = detected && rule.blocking();
    results
        .putObject(Category.INDIRECT_ATTACK.wire())
        .put("filtered", blocked)
        .put("detected", detected);
    return new Screening(results, blocked);
  }

  /** Screens what the model wrote (so far, when streaming). */
  public Screening completion(FilterPolicy policy, String text) {
    Assessment a =
        text.isBlank() ? Assessment.of(Map.of()) : classify(text, Classifier.Source.COMPLETION);
    List<BlocklistMatcher> hits =
        policy.completionBlocklists().stream().filter(m -> m.matches(text)).toList();
    return annotations.completion(
        policy, new Annotations.Findings(a, false, Profanity.in(text), hits));
  }

  private Assessment classify(String text, Classifier.Source source) {
    Assessment a;
    try {
      a = classifier.classify(text, source);
    } catch (RuntimeException e) {
      LOG.warn("content classifier {} failed: {}", classifier.name(), e.toString());
      a = Assessment.failed(e.getClass().getSimpleName());
    }
    if (!a.decided() && failClosed) {
      throw ApiException.of(ErrorCode.CONTENT_FILTER_UNAVAILABLE);
    }
    return a;
  }
}
