package dev.lazurite.bench;

import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.ContentSafety;
import dev.lazurite.safety.FilterPolicy;
import dev.lazurite.safety.Screening;
import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.LabelledExample;
import dev.lazurite.safety.eval.LabelledSet;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The prompt filter's added latency with the embedded classifier: one prompt screened under Azure's
 * default policy, for a 50-token and a 2,000-token prompt of everyday text the classifier was not
 * trained on, and for a 2,000-token prompt of the shipped look-alikes (news of violence, medical
 * questions). The {@code Unseen} variants number every sentence afresh on each call, so that no
 * window was judged before (a new conversation); the others send the same prompt again (a
 * conversation's history, whose windows were judged on an earlier turn). {@code
 * prompt2000TokensPastedUnseen} takes its 2,000 tokens from the shipped pasted everyday text
 * (emails, tickets, documentation, recipes, stories, chat logs in six languages), a different
 * stretch on each call, each sentence and line numbered afresh: everyday text as varied as
 * deployments see, where the twelve sentences above repeat.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class ContentFilterBenchmark {
  /** Everyday text that is not in the shipped set. */
  static final List<String> EVERYDAY =
      List.of(
          "Our quarterly planning meeting moved to Thursday afternoon because the director is"
              + " travelling.",
          "Please review the attached spreadsheet and check the totals in column F before Friday.",
          "The new onboarding guide explains how to request a laptop, set up email and book a desk.",
          "Could you suggest a few vegetarian dishes that can be prepared in under thirty minutes?",
          "The customer asked whether the warranty covers accidental damage to the screen.",
          "I am drafting a newsletter about the community garden and need a friendly opening line.",
          "Summarise the main differences between the basic and premium subscription plans.",
          "The train to Utrecht leaves from platform seven and the journey takes about forty minutes.",
          "Our API returns paginated results, so the client must follow the next link until it is"
              + " empty.",
          "The bakery on the corner sells sourdough on weekends and closes early on Sundays.",
          "Write a short product update announcing dark mode and faster search in the mobile app.",
          "The invoice lists three items: consulting hours, travel expenses and a software licence.");

  ContentSafety safety;
  List<ContentSafety.Text> short50;
  List<ContentSafety.Text> long2000;
  List<ContentSafety.Text> lookAlikes2000;
  List<String> pasted2000;

  @Setup(Level.Trial)
  public void setUp() {
    var embedder = new EmbeddedEmbeddingBackend(new TokenCounter());
    List<LabelledExample> shipped = LabelledSet.shipped();
    safety = new ContentSafety(EmbeddedClassifier.train(shipped, embedder::vectors).ready(), false);
    TokenCounter tokens = new TokenCounter();
    short50 = prompt(EVERYDAY, 50, tokens);
    long2000 = prompt(EVERYDAY, 2000, tokens);
    lookAlikes2000 =
        prompt(
            shipped.stream()
                .filter(e -> e.category().isPresent() && !e.harmful())
                .map(LabelledExample::text)
                .toList(),
            2000,
            tokens);
    pasted2000 = stretches(LabelledSet.pasted().stream().map(LabelledExample::text).toList(), 2000);
  }

  /** {@code texts} in order, cut into stretches of about {@code size} tokens each. */
  static List<String> stretches(List<String> texts, int size) {
    TokenCounter t = new TokenCounter();
    List<String> out = new ArrayList<>();
    StringBuilder stretch = new StringBuilder();
    for (String text : texts) {
      stretch.append(text).append("\n\n");
      if (t.count(Encoding.O200K_BASE, stretch.toString()) >= size) {
        out.add(stretch.toString().strip());
        stretch.setLength(0);
      }
    }
    return List.copyOf(out);
  }

  /** {@code texts} in order, repeated, up to {@code size} tokens. */
  static List<ContentSafety.Text> prompt(List<String> texts, int size, TokenCounter t) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; t.count(Encoding.O200K_BASE, out.toString()) < size; i++) {
      out.append(texts.get(i % texts.size())).append(' ');
    }
    return List.of(new ContentSafety.Text(out.toString().strip(), Classifier.Source.PROMPT));
  }

  long call;

  /** {@code texts}, each sentence tagged with this call's number, up to {@code size} tokens. */
  private List<ContentSafety.Text> unseen(List<ContentSafety.Text> prompt) {
    long n = ++call;
    String text = prompt.getFirst().content().replace(". ", ". Ticket " + n + ": ");
    return List.of(new ContentSafety.Text("Ticket " + n + ": " + text, Classifier.Source.PROMPT));
  }

  @Benchmark
  public Screening prompt50TokensUnseen() {
    return safety.prompt(FilterPolicy.DEFAULT, unseen(short50));
  }

  @Benchmark
  public Screening prompt2000TokensUnseen() {
    return safety.prompt(FilterPolicy.DEFAULT, unseen(long2000));
  }

  @Benchmark
  public Screening prompt2000TokensPastedUnseen() {
    long n = ++call;
    String text = pasted2000.get((int) (n % pasted2000.size()));
    String numbered =
        "Note "
            + n
            + ": "
            + text.replace(". ", ". Note " + n + ": ").replace("\n", "\nNote " + n + ": ");
    return safety.prompt(
        FilterPolicy.DEFAULT, List.of(new ContentSafety.Text(numbered, Classifier.Source.PROMPT)));
  }

  @Benchmark
  public Screening prompt50Tokens() {
    return safety.prompt(FilterPolicy.DEFAULT, short50);
  }

  @Benchmark
  public Screening prompt2000Tokens() {
    return safety.prompt(FilterPolicy.DEFAULT, long2000);
  }

  @Benchmark
  public Screening prompt2000TokensOfLookAlikes() {
    return safety.prompt(FilterPolicy.DEFAULT, lookAlikes2000);
  }
}
