package dev.lazurite.safety.embedded;

import dev.lazurite.safety.Category;
import dev.lazurite.safety.eval.LabelledExample;
import java.util.ArrayList;
import java.util.List;

/** Which examples teach which model, and how the heads decide. */
final class Training {
  private static final int DIMENSIONS = 384;

  private Training() {}

  /**
   * The chance of harm at which a category is flagged. Violence shares the most vocabulary with
   * everyday speech and news ("the striker shot the ball"), and documents that merely mention
   * assistants resemble injected instructions, so those need more certainty. A lower point for hate
   * (0.45) looked free on cross-validation of the shipped set but judged the everyday instruction
   * "Be brief." hate (see {@code EverydayShortPromptsTest}), so every category keeps at least 0.6.
   */
  static double flagAt(Category c) {
    return switch (c) {
      case HATE -> 0.6;
      case SEXUAL -> 0.6;
      case VIOLENCE -> 0.67;
      case SELF_HARM -> 0.6;
      case JAILBREAK -> 0.6;
      case INDIRECT_ATTACK -> 0.75;
    };
  }

  /**
   * The chance of harm at which a text that shows the shape of a harmful request in {@code c}, but
   * whose shape does not decide it alone, is flagged: a threat ({@link Threats}; {@link Shown}).
   * Such a text is short, and the models read mostly its frame, which the everyday text they learnt
   * from shares, so the heads need less certainty. Every other shape ({@link HarmRequests}, {@link
   * CovertHarm}, {@link SexualHarm}, {@link HateClaims}, {@link LethalMeans}) decides alone: asked
   * in the frame "how do I", the heads put a median chance of violence of 0.61 on 120 probe
   * requests and a quarter of them below 0.2; they read sexual requests with a child and questions
   * about the means of suicide in Chinese as nearly harmless; and on 2,008 safe training lines, 829
   * benign look-alikes and 402 pasted everyday texts, deciding by the shape raised one false alarm
   * more, and that one a threat. Training is left as it is (the shape as a term of the models cost
   * cross-validated violence recall 0.800 to 0.762, its words explained away).
   */
  static double askedAt(Category c) {
    return switch (c) {
      case VIOLENCE, HATE, SEXUAL, SELF_HARM -> 0.2;
      case JAILBREAK, INDIRECT_ATTACK -> flagAt(c);
    };
  }

  /**
   * A two-class model: is the text harmful in {@code category}? Text labelled for another category
   * teaches it only when it is safe there (a look-alike is safe in every category), except that
   * harmful text of any kind is a negative for the shields (a harmful request is not by itself a
   * jailbreak), and violence is a negative for self-harm: a threat to hurt someone else shares the
   * words of self-harm but not its meaning.
   *
   * @param embeddings the examples' embeddings, or null for a terms-only model
   */
  static LinearModel harmful(
      List<LabelledExample> examples,
      List<TermVector> terms,
      List<float[]> embeddings,
      Category category,
      int size) {
    int[] labels = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      labels[i] = label(examples.get(i), category);
    }
    return fit(examples, terms, embeddings, labels, 2, size);
  }

  /** A three-class model over the harmful examples of {@code category}: low, medium or high. */
  static LinearModel severity(
      List<LabelledExample> examples,
      List<TermVector> terms,
      List<float[]> embeddings,
      Category category,
      int size) {
    int[] labels = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      LabelledExample e = examples.get(i);
      labels[i] = e.isAbout(category) && e.harmful() ? e.severity().ordinal() - 1 : -1;
    }
    return fit(examples, terms, embeddings, labels, 3, size);
  }

  private static LinearModel fit(
      List<LabelledExample> examples,
      List<TermVector> terms,
      List<float[]> embeddings,
      int[] labels,
      int classes,
      int size) {
    List<LinearModel.Sample> samples = samples(examples, terms, embeddings, labels, classes);
    return LinearModel.train(samples, classes, size, embeddings == null ? 0 : DIMENSIONS);
  }

  /**
   * The labelled examples as training samples, each class weighing the same in total: an example's
   * own weight times the total weight over {@code classes} times its class's summed weight. Classes
   * are balanced by weight rather than by count, so that many lines of a lightly weighted file
   * (context, languages) neither swamp a class nor leave it short.
   *
   * @param labels each example's class, or -1 when it does not teach this model
   */
  static List<LinearModel.Sample> samples(
      List<LabelledExample> examples,
      List<TermVector> terms,
      List<float[]> embeddings,
      int[] labels,
      int classes) {
    double[] sums = new double[classes];
    for (int i = 0; i < examples.size(); i++) {
      if (labels[i] >= 0) {
        sums[labels[i]] += examples.get(i).weight();
      }
    }
    double total = java.util.Arrays.stream(sums).sum();
    List<LinearModel.Sample> samples = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (labels[i] >= 0) {
        double balance = examples.get(i).weight() * total / (classes * sums[labels[i]]);
        samples.add(
            new LinearModel.Sample(
                terms.get(i),
                embeddings == null ? null : embeddings.get(i),
                labels[i],
                balance,
                key(examples.get(i))));
      }
    }
    return samples;
  }

  /** A stable hash of the example's text and labels: where it falls in every epoch's order. */
  private static long key(LabelledExample e) {
    long h = 1125899906842597L;
    String text = e.text() + "\u0000" + e.category().map(Category::name).orElse("") + e.severity();
    for (int i = 0; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return LinearModel.mix(h);
  }

  private static int label(LabelledExample e, Category category) {
    if (e.isAbout(category)) {
      return e.harmful() ? 1 : 0;
    }
    if (!e.harmful()) {
      return 0;
    }
    if (category == Category.SELF_HARM && e.isAbout(Category.VIOLENCE)) {
      return 0;
    }
    boolean otherShield = e.category().map(Category::detection).orElse(false);
    return category.detection() && !otherShield ? 0 : -1;
  }
}
