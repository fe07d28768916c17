package dev.lazurite.safety.external;

import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Classifier;

/**
 * A guard model behind any chat endpoint (an OpenAI-compatible URL or a deployment of this server),
 * asked in the Llama Guard 3 or ShieldGemma way (see {@link GuardStyle}). A completion is judged as
 * the assistant's turn, everything else as the user's. An answer that is not a verdict, an error or
 * a timeout is a failure, which the content filter turns into the fallback.
 */
public final class GuardModelClassifier implements Classifier {
  private final GuardChannel channel;
  private final GuardStyle style;

  GuardModelClassifier(GuardChannel channel, GuardStyle style) {
    this.channel = channel;
    this.style = style;
  }

  @Override
  public Assessment classify(String text, Source source) {
    return Assessment.of(style.judge(channel, text, source));
  }

  @Override
  public String name() {
    return "guard";
  }
}
