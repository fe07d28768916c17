package dev.lazurite.safety.embedded;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import dev.lazurite.safety.eval.LabelledExample;
import dev.lazurite.safety.eval.LabelledSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier that needs no network. Each text (or each window of a long one) first meets a
 * screen: per category a linear model over word and word-pair stems, which costs microseconds and
 * lets through nearly everything everyday. Only what the screen cannot clear is embedded with the
 * in-process sentence model (all-MiniLM-L6-v2) and judged by heads over the embedding and the
 * stems: one that decides whether the text is harmful, one that picks the severity; in a passage, a
 * sentence they flag must also resemble some harmful example ({@link Likeness}). A text written in
 * disguise (base64, hex, ROT13, leetspeak, look-alike letters, split letters) is judged as it reads
 * once the disguise is taken off, as well as as written; everyday idioms that borrow the words of
 * violence ("killing it") are taken out before judging. All are trained on a labelled set in the
 * background, so that start-up does not wait for them.
 */
public final class EmbeddedClassifier implements Classifier {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedClassifier.class);

  /** Windows every screen puts below this chance of harm are safe without being embedded. */
  static final double SCREEN = 0.15;

  /**
   * The same for a window of a reading with a disguise taken off or of a translate-then-answer
   * payload: text that had to be unfolded (leetspeak, spacing, a decoded blob) or unwrapped is
   * looked at more closely, and everyday text has neither, so this costs it nothing. On the
   * development set, against {@link #SCREEN}: leetspeak recall 0.78 to 0.89, no other change (0.03
   * gave the same).
   */
  static final double SCREEN_READING = 0.075;

  private final CompletableFuture<Screens> screens;
  private final CompletableFuture<Heads> heads;
  private final Function<List<String>, List<float[]>> embedder;

  /** Every category safe: the verdict on a window that every screen clears. */
  private static final Map<Category, Severity> ALL_SAFE = allSafe();

  /**
   * The verdicts on windows lately, by window text: the heads' for windows they judged, and {@link
   * #ALL_SAFE} for windows every screen cleared. A conversation sends its history again with every
   * turn, and those windows need not be analysed twice.
   */
  private final Cache<String, Map<Category, Severity>> verdicts =
      Caffeine.newBuilder().maximumSize(20_000).build();

  /**
   * The assessments of whole texts lately, by text and source: a conversation's system prompt and
   * history come back on every turn, and are then not even cut into windows again.
   */
  private final Cache<TextKey, Assessment> texts = Caffeine.newBuilder().maximumSize(4_096).build();

  private record TextKey(String text, Source source) {}

  /**
   * The vocabulary, the training texts as term vectors, and the models that read only terms. {@code
   * texts} are the examples' texts as the models read them: with idioms taken out, as every text
   * judged is. The screens ({@code models}) learn from the examples and from the shipped everyday
   * text ({@link LabelledSet#everyday()}), which teaches them how much ordinary text they need not
   * send on; {@code readers}, the terms-only models the heads hear for text not in English and for
   * fragments, learn from the examples alone, as the heads do, so that everyday text does not
   * outweigh the harmful lines of a language with few of them.
   */
  private record Screens(
      List<LabelledExample> examples,
      List<String> texts,
      Map<String, Integer> vocabulary,
      List<TermVector> terms,
      Map<Category, LinearModel> models,
      Map<Category, LinearModel> readers) {}

  /** The models that read embeddings; {@code severity} has no entry for the two shields. */
  private record Heads(
      Map<Category, LinearModel> harmful, Map<Category, LinearModel> severity, Likeness likeness) {}

  private EmbeddedClassifier(
      Supplier<List<LabelledExample>> examples, Function<List<String>, List<float[]>> embedder) {
    this.embedder = embedder;
    Executor background =
        r -> Thread.ofPlatform().daemon(true).name("lazurite-safety-training").start(r);
    this.screens = CompletableFuture.supplyAsync(() -> screens(examples.get()), background);
    this.heads = screens.thenApplyAsync(this::heads, background);
    long started = System.nanoTime();
    heads.thenRun(
        () ->
            LOG.info(
                "content classifier trained in {} ms", (System.nanoTime() - started) / 1_000_000));
  }

  /**
   * Starts training on {@code examples} in the background (the screens take about a second, the
   * heads a few more, mostly embedding the texts); requests that need a model before it is ready
   * wait for it. {@code embedder} turns texts into sentence embeddings (the embedded embedding
   * model's).
   */
  public static EmbeddedClassifier train(
      Supplier<List<LabelledExample>> examples, Function<List<String>, List<float[]>> embedder) {
    return new EmbeddedClassifier(examples, embedder);
  }

  public static EmbeddedClassifier train(
      List<LabelledExample> examples, Function<List<String>, List<float[]>> embedder) {
    List<LabelledExample> copy = List.copyOf(examples);
    return new EmbeddedClassifier(() -> copy, embedder);
  }

  private static Screens screens(List<LabelledExample> examples) {
    // Read the word list here, in the background, rather than on the first request judged.
    RunTogether.warmUp();
    Map<String, Integer> vocabulary = new HashMap<>();
    List<String> texts = examples.stream().map(e -> Idioms.masked(e.text())).toList();
    List<TermVector> terms = new ArrayList<>(examples.size());
    for (String text : texts) {
      terms.add(TermVector.of(TextFeatures.terms(text), vocabulary, true));
    }
    List<LabelledExample> screened = new ArrayList<>(examples);
    List<TermVector> screenedTerms = new ArrayList<>(terms);
    for (LabelledExample e : LabelledSet.everyday()) {
      screened.add(e);
      screenedTerms.add(
          TermVector.of(TextFeatures.terms(Idioms.masked(e.text())), vocabulary, true));
    }
    Map<Category, LinearModel> models = new EnumMap<>(Category.class);
    Map<Category, LinearModel> readers = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      models.put(c, Training.harmful(screened, screenedTerms, null, c, vocabulary.size()));
      readers.put(c, Training.harmful(examples, terms, null, c, vocabulary.size()));
    }
    return new Screens(examples, texts, Map.copyOf(vocabulary), terms, models, readers);
  }

  private Heads heads(Screens s) {
    List<float[]> embeddings = embedder.apply(s.texts());
    int size = s.vocabulary().size();
    Map<Category, LinearModel> harmful = new EnumMap<>(Category.class);
    Map<Category, LinearModel> severity = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      harmful.put(c, Training.harmful(s.examples(), s.terms(), embeddings, c, size));
      if (!c.detection()) {
        severity.put(c, Training.severity(s.examples(), s.terms(), embeddings, c, size));
      }
    }
    return new Heads(harmful, severity, Likeness.of(s.examples(), embeddings));
  }

  /** Whether training has finished: no request waits for a model, and no core trains any more. */
  public boolean trained() {
    return heads.isDone();
  }

  /** Waits until the heads are trained (for callers that measure, such as the evaluation). */
  public EmbeddedClassifier ready() {
    heads.join();
    return this;
  }

  @Override
  public Assessment classify(String text, Source source) {
    var key = new TextKey(text, source);
    Assessment known = texts.getIfPresent(key);
    if (known == null) {
      known = assess(text, source);
      texts.put(key, known);
    }
    return known;
  }

  /**
   * The assessment of {@code text}. A prompt flagged as written, that recounts someone else's words
   * to ask how to respond ({@link Reported}), is judged again without them; looking for that frame
   * only then keeps it off the path of the everyday text that the screens clear.
   */
  private Assessment assess(String text, Source source) {
    Assessment written = assess(text, source, windows(text, text, false));
    if (source != Source.PROMPT
        || written.severities().values().stream().allMatch(s -> s == Severity.SAFE)) {
      return written;
    }
    String masked = Reported.masked(text);
    return masked.equals(text) ? written : assess(text, source, windows(text, masked, true));
  }

  private Assessment assess(String text, Source source, Map<String, Window> windows) {
    List<Category> categories = categories(source);
    Map<Category, Severity> worst = new EnumMap<>(Category.class);
    categories.forEach(c -> worst.put(c, Severity.SAFE));
    Map<String, TermVector> suspects = new LinkedHashMap<>();
    Map<String, Shown> asked = new HashMap<>(2);
    double[] p = new double[Severity.values().length];
    Screens screening = screens.join();
    for (var entry : windows.entrySet()) {
      String window = entry.getKey();
      if (suspects.containsKey(window)) {
        continue;
      }
      double screenAt = entry.getValue().reading() ? SCREEN_READING : SCREEN;
      // A window that shows the shape of a harmful request is never cached (below), so a window
      // found here shows none.
      Map<Category, Severity> known = verdicts.getIfPresent(window);
      // A window the screens cleared as written is screened again, more closely, as a reading.
      if (known != null && !(known == ALL_SAFE && screenAt < SCREEN)) {
        categories.forEach(c -> worst.merge(c, known.get(c), Assessment::worse));
        continue;
      }
      Languages language = entry.getValue().language();
      List<String> termList = TextFeatures.terms(window, language);
      TermVector terms = TermVector.of(termList, screening.vocabulary(), false);
      Shown shapes = RequestShapes.of(window, language, termList);
      if (!shapes.isEmpty()) {
        // Only a prompt asks: the same words in an answer or a document are judged as any other
        // text, and the verdict is kept from the cache so that neither is taken for the other.
        asked.put(window, source == Source.PROMPT ? shapes : Shown.NONE);
        if (source == Source.PROMPT) {
          suspects.put(window, terms);
          continue;
        }
      }
      switch (screen(screening, terms, categories, p, screenAt)) {
        case SUSPECT -> suspects.put(window, terms);
        case CLEARED -> {
          if (shapes.isEmpty()) {
            verdicts.put(window, ALL_SAFE);
          }
        }
        case CLEARED_FOR_SOURCE -> {}
      }
    }
    if (suspects.isEmpty()) {
      return Assessment.of(worst);
    }
    Heads models = heads.join();
    List<String> judged = List.copyOf(suspects.keySet());
    List<float[]> embeddings = embedder.apply(judged);
    boolean passage = windows.values().stream().filter(w -> !w.reading()).limit(2).count() > 1;
    boolean play = source == Source.PROMPT && Play.frames(text);
    for (int i = 0; i < judged.size(); i++) {
      Map<Category, Severity> verdict = new EnumMap<>(Category.class);
      String window = judged.get(i);
      Window from = windows.get(window);
      for (Category c : Category.values()) {
        LinearModel reader = from.language() == Languages.EN ? null : screening.readers().get(c);
        LinearModel words = TextFeatures.fragment(window) ? screening.readers().get(c) : null;
        double flagAt = asked.getOrDefault(window, Shown.NONE).flagAt(c);
        if ((from.reported() && flagAt > 0)
            || (play && (c == Category.VIOLENCE || c == Category.SELF_HARM))) {
          flagAt = Math.max(flagAt, FRAMED_AT);
        }
        verdict.put(
            c, judge(models, reader, words, c, flagAt, suspects.get(window), embeddings.get(i), p));
      }
      // In a passage a flagged window must also resemble some harmful example (Likeness); a
      // prompt of one sentence is the whole request, and on the held-out set the floor cost two
      // of those. Only in English as written, which is what the sentence model reads; a request's
      // shape is judged on its own terms. Such a verdict depends on the text around the window,
      // so it is not kept for the window.
      boolean unlike =
          from.language() == Languages.EN
              && !from.reading()
              && !asked.containsKey(window)
              && verdict.values().stream().anyMatch(s -> s != Severity.SAFE)
              && !models.likeness().near(embeddings.get(i));
      if (unlike && passage) {
        verdict.replaceAll((c, s) -> Severity.SAFE);
      }
      if (!asked.containsKey(window) && !unlike && !from.reported() && !play) {
        verdicts.put(window, verdict);
      }
      categories.forEach(c -> worst.merge(c, verdict.get(c), Assessment::worse));
    }
    return Assessment.of(worst);
  }

  /**
   * A window's language, whether it comes from a reading rather than the text as written, and
   * whether it is of a prompt judged without the words it recounts ({@link #FRAMED_AT}).
   */
  private record Window(Languages language, boolean reading, boolean reported) {
    Window(Languages language, boolean reading) {
      this(language, reading, false);
    }
  }

  /**
   * The chance of harm from which a window is flagged when the prompt's frame says its words are
   * not the user's request: a prompt judged without the words it recounts ({@link Reported}; what
   * is left is the user's frame, "a stranger wrote me …", which the terms-only readers of other
   * languages took for the threat it reports), or one about a game ({@link Play}).
   */
  static final double FRAMED_AT = 0.9;

  /**
   * The windows that {@code text} is judged by: those of the text as written ({@code asWritten}:
   * the text itself, or a prompt without the words it recounts, {@code reported}; idioms masked),
   * those of each reading with a disguise taken off, and those of each payload of a
   * translate-then-answer request, in the payload's own language (a payload is text as written, not
   * folded).
   */
  private static Map<String, Window> windows(String text, String asWritten, boolean reported) {
    Map<String, Window> windows = new LinkedHashMap<>();
    Window written = new Window(Languages.of(text), false, reported);
    for (String window : TextFeatures.windows(Idioms.masked(asWritten))) {
      windows.putIfAbsent(window, written);
    }
    for (String reading : Disguises.readings(text)) {
      Window read = new Window(Languages.ofReading(reading), true);
      for (String window : TextFeatures.windows(reading)) {
        windows.putIfAbsent(window, read);
      }
    }
    for (String payload : Payloads.of(text)) {
      Window carried = new Window(Languages.of(payload), true);
      for (String window : TextFeatures.windows(payload)) {
        windows.putIfAbsent(window, carried);
      }
    }
    return windows;
  }

  /**
   * Whether the screens of {@code source}'s categories clear every window of {@code text}, so that
   * judging it embeds nothing: the cheap path that everyday text should take.
   */
  boolean screenClears(String text, Source source) {
    Screens screening = screens.join();
    List<Category> categories = categories(source);
    double[] p = new double[Severity.values().length];
    for (var entry : windows(text, text, false).entrySet()) {
      Window window = entry.getValue();
      List<String> termList = TextFeatures.terms(entry.getKey(), window.language());
      TermVector terms = TermVector.of(termList, screening.vocabulary(), false);
      double screenAt = window.reading() ? SCREEN_READING : SCREEN;
      if (source == Source.PROMPT
          && !RequestShapes.of(entry.getKey(), window.language(), termList).isEmpty()) {
        return false;
      }
      if (screen(screening, terms, categories, p, screenAt) == Screened.SUSPECT) {
        return false;
      }
    }
    return true;
  }

  private enum Screened {
    /** A screen of the source's categories flags it: the heads judge it. */
    SUSPECT,
    /** Every screen clears it, whatever its source: cached as safe. */
    CLEARED,
    /** The source's screens clear it; another source's would not. */
    CLEARED_FOR_SOURCE
  }

  private static Screened screen(
      Screens screening, TermVector terms, List<Category> categories, double[] p, double screenAt) {
    boolean clearedAll = true;
    for (Category c : Category.values()) {
      screening.models().get(c).probabilities(terms, null, p);
      if (p[1] >= screenAt) {
        if (categories.contains(c)) {
          return Screened.SUSPECT;
        }
        clearedAll = false;
      }
    }
    return clearedAll ? Screened.CLEARED : Screened.CLEARED_FOR_SOURCE;
  }

  private static Map<Category, Severity> allSafe() {
    Map<Category, Severity> safe = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      safe.put(c, Severity.SAFE);
    }
    return java.util.Collections.unmodifiableMap(safe);
  }

  /**
   * The verdict in category {@code c}. The sentence model reads English; for text in another
   * language its embedding says little, so there the terms-only model ({@code reader}) is heard
   * too, and the likelier of the two decides whether the text is harmful.
   *
   * <p>A fragment of a word or two ("Trace me", the cut-off end of an answer) gives the sentence
   * model too little to read, and its embedding lands anywhere; such a window is harmful only when
   * its words alone say so too ({@code words}).
   *
   * @param reader the category's terms-only model for text not in English, or null
   * @param words the category's terms-only model for a fragment, or null
   * @param flagAt the chance of harm from which the text is flagged in {@code c}
   */
  private static Severity judge(
      Heads models,
      LinearModel reader,
      LinearModel words,
      Category c,
      double flagAt,
      TermVector terms,
      float[] embedding,
      double[] p) {
    models.harmful().get(c).probabilities(terms, embedding, p);
    double harm = p[1];
    if (reader != null) {
      reader.probabilities(terms, null, p);
      harm = Math.max(harm, p[1]);
    }
    if (words != null) {
      words.probabilities(terms, null, p);
      harm = Math.min(harm, p[1]);
    }
    if (harm < flagAt) {
      return Severity.SAFE;
    }
    if (c.detection()) {
      return Severity.HIGH;
    }
    models.severity().get(c).probabilities(terms, embedding, p);
    int best = 0;
    for (int k = 1; k < 3; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return Severity.values()[best + 1];
  }

  private static final List<Category> PROMPT_CATEGORIES = categoriesWith(Category.JAILBREAK);
  private static final List<Category> DOCUMENT_CATEGORIES =
      categoriesWith(Category.INDIRECT_ATTACK);

  private static List<Category> categories(Source source) {
    return switch (source) {
      case PROMPT -> PROMPT_CATEGORIES;
      case DOCUMENT -> DOCUMENT_CATEGORIES;
      case SYSTEM, COMPLETION -> Category.HARMS;
    };
  }

  private static List<Category> categoriesWith(Category shield) {
    List<Category> out = new ArrayList<>(Category.HARMS);
    out.add(shield);
    return List.copyOf(out);
  }

  @Override
  public String name() {
    return "embedded";
  }
}
