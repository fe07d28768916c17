package dev.lazurite.safety.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Labelled texts in JSON Lines, one {@code {"text", "category", "severity"}} per line. Categories
 * are {@code hate}, {@code sexual}, {@code violence}, {@code selfharm}, {@code jailbreak}, {@code
 * indirect_attack}, or {@code benign} for everyday text; severities are {@code safe}, {@code low},
 * {@code medium}, {@code high}, or {@code safe}/{@code detected} for the two shields. Optional
 * {@code language}, {@code obfuscation} and {@code subgroup} fields name the facets an evaluation
 * reports the line under.
 */
public final class LabelledSet {
  /** The set that ships with Lazurite, one file per category. */
  static final List<String> SHIPPED =
      List.of(
          "hate",
          "sexual",
          "violence",
          "selfharm",
          "jailbreak",
          "indirect_attack",
          "benign",
          "languages",
          "context");

  /**
   * Everyday text the embedded classifier's screens also learn from (and nothing else does): the
   * ordinary mass of what users write, so that the screens send less of it on to the sentence
   * model. One file, benign lines only.
   */
  public static final List<String> SCREENING = List.of("everyday");

  /** Every file some model learns from. */
  public static final List<String> TRAINING =
      Stream.concat(SHIPPED.stream(), SCREENING.stream()).toList();

  private LabelledSet() {}

  public static List<LabelledExample> shipped() {
    return files(SHIPPED);
  }

  /** The shipped set's seven category files, on which cross-validation reports. */
  public static List<LabelledExample> categories() {
    return files(SHIPPED.subList(0, 7));
  }

  /**
   * The shipped set's coverage files (other languages; threats, covert harm, dehumanising talk,
   * coded self-harm, idioms), always trained on in cross-validation.
   */
  public static List<LabelledExample> coverage() {
    return files(SHIPPED.subList(7, SHIPPED.size()));
  }

  /** The everyday lines of {@link #SCREENING}. */
  public static List<LabelledExample> everyday() {
    return resource("/safety/" + SCREENING.getFirst() + ".jsonl");
  }

  /**
   * How much a line of the coverage files counts in training beside a line of the category files:
   * they teach other languages and rarer phrasings without outweighing the core set, whose
   * look-alikes would otherwise be flagged more often.
   */
  static final double COVERAGE_WEIGHT = 0.4;

  private static List<LabelledExample> files(List<String> names) {
    List<LabelledExample> out = new ArrayList<>();
    for (String name : names) {
      String resource = "/safety/" + name + ".jsonl";
      double weight = SHIPPED.indexOf(name) < 7 ? 1 : COVERAGE_WEIGHT;
      try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        for (LabelledExample e : read(in, resource)) {
          out.add(e.weighted(weight));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The held-out set: written apart from the training set (other wording, other authors' habits,
   * checked for shared word sequences) and never trained on; it carries a language, an obfuscation
   * style and, for benign text, a subgroup per line.
   */
  public static List<LabelledExample> heldOut() {
    return resource("/safety/heldout/heldout.jsonl");
  }

  /**
   * The development set: written apart from the training set (checked for shared word sequences)
   * and without reading the held-out set, in the held-out set's format, and never trained on.
   * Changes to the classifier are tried against it (and against cross-validation), so that the
   * held-out set keeps measuring text nobody tuned for.
   */
  public static List<LabelledExample> development() {
    return resource("/safety/dev/dev.jsonl");
  }

  /**
   * Everyday text as users paste it (emails, tickets, documentation, recipes, stories, chat logs,
   * contract clauses; several sentences and lines each, in the six languages), written apart from
   * the training set like the development set, never trained on, all benign: the false alarms a
   * deployment would raise on its ordinary traffic.
   */
  public static List<LabelledExample> pasted() {
    return resource("/safety/pasted/pasted.jsonl");
  }

  /**
   * Probes: 269 harmful requests and 370 benign look-alikes in the six languages (threats received,
   * helping a friend, counter-speech, games, idioms, news, workplace text among them), written by a
   * separate author without reading any of the project's sets, kept where they share no run of five
   * words with a training line, and never read line by line: each change is measured on them in
   * aggregate only. They measure how the classifier reads text that no part of it was fitted to.
   */
  public static List<LabelledExample> probes() {
    return resource("/safety/probes/probes.jsonl");
  }

  /**
   * Harmful requests as they arrive inside everyday text: each harmful line of the development set
   * set after the opening paragraph (or sentence) of a pasted everyday text in its own language,
   * with its labels. What the classifier flags on its own it should flag amid a support ticket or a
   * recipe too; neither part is ever trained on.
   */
  public static List<LabelledExample> passages() {
    Map<String, List<String>> hosts = new HashMap<>();
    for (LabelledExample e : pasted()) {
      hosts.computeIfAbsent(e.facets().language(), k -> new ArrayList<>()).add(e.text());
    }
    List<LabelledExample> out = new ArrayList<>();
    for (LabelledExample e : development()) {
      if (e.harmful()) {
        List<String> same = hosts.getOrDefault(e.facets().language(), hosts.get("en"));
        String host = same.get(out.size() * 7 % same.size());
        out.add(
            new LabelledExample(
                inside(host, e.text()), e.category(), e.severity(), e.facets(), e.weight()));
      }
    }
    return List.copyOf(out);
  }

  /** {@code text} set after the opening paragraph of {@code host}, or its opening sentence. */
  static String inside(String host, String text) {
    int paragraph = host.indexOf("\n\n");
    if (paragraph > 0) {
      return host.substring(0, paragraph) + "\n\n" + text + host.substring(paragraph);
    }
    int sentence = host.indexOf(". ");
    if (sentence > 0) {
      return host.substring(0, sentence + 2) + text + " " + host.substring(sentence + 2);
    }
    return host + "\n\n" + text;
  }

  private static List<LabelledExample> resource(String resource) {
    try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return List.copyOf(read(in, resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<LabelledExample> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  private static List<LabelledExample> read(InputStream in, String origin) throws IOException {
    List<LabelledExample> out = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (!line.isBlank()) {
        out.add(parse(line, origin + ":" + number));
      }
    }
    return out;
  }

  static LabelledExample parse(String line, String where) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
    }
    String text = field(node, "text", where);
    String categoryName = field(node, "category", where);
    Optional<Category> category =
        categoryName.equalsIgnoreCase("benign") ? Optional.empty() : Category.parse(categoryName);
    if (category.isEmpty() && !categoryName.equalsIgnoreCase("benign")) {
      throw new IllegalArgumentException(where + ": unknown category '" + categoryName + "'");
    }
    String label = node.path("severity").asText(category.isEmpty() ? "safe" : "");
    Severity severity =
        Severity.parse(label)
            .orElseThrow(
                () -> new IllegalArgumentException(where + ": unknown severity '" + label + "'"));
    if (category.isEmpty() && severity != Severity.SAFE) {
      throw new IllegalArgumentException(where + ": a benign text must be safe");
    }
    var facets =
        new LabelledExample.Facets(
            node.path("language").asText("en"),
            node.path("obfuscation").asText("none"),
            node.path("subgroup").asText(""));
    return new LabelledExample(text, category, severity, facets);
  }

  private static String field(JsonNode node, String name, String where) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": '" + name + "' must be a non-empty string");
    }
    return value.asText();
  }
}
