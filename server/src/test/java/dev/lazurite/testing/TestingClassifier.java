package dev.lazurite.testing;

import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import java.util.Map;

/**
 * A classifier for stage tests that finds what its marker words say: {@value #VIOLENT} is high
 * violence anywhere, {@value #JAILBREAK} a jailbreak in a prompt, {@value #INJECTED} an indirect
 * attack in a document.
 */
public final class TestingClassifier implements Classifier {
  public static final String VIOLENT = "VIOLENT";
  public static final String JAILBREAK = "IGNORE-ALL-RULES";
  public static final String INJECTED = "INJECTED-INSTRUCTION";

  @Override
  public Assessment classify(String text, Source source) {
    if (text.contains(VIOLENT)) {
      return Assessment.of(Map.of(Category.VIOLENCE, Severity.HIGH));
    }
    if (source == Source.PROMPT && text.contains(JAILBREAK)) {
      return Assessment.of(Map.of(Category.JAILBREAK, Severity.HIGH));
    }
    if (source == Source.DOCUMENT && text.contains(INJECTED)) {
      return Assessment.of(Map.of(Category.INDIRECT_ATTACK, Severity.HIGH));
    }
    return Assessment.of(Map.of());
  }

  @Override
  public String name() {
    return "testing";
  }
}
