package dev.lazurite.safety.eval;

import dev.lazurite.safety.Category;
import dev.lazurite.safety.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A held-out evaluation cut by facet: recall and precision per category, recall per language and
 * obfuscation style, and the false-positive rate (and how many false alarms were judged high) per
 * benign subgroup and language. A harmful example counts as caught when it is flagged in its own
 * category; a benign one counts as a false alarm when it is flagged in any category.
 */
public record FacetReport(String classifier, List<Row> rows) {
  /**
   * Counts for one facet value.
   *
   * @param harmful harmful examples
   * @param caught harmful examples flagged in their own category
   * @param wrong flags on examples of another category or on benign ones (for precision)
   * @param benign benign examples
   * @param falseAlarms benign examples flagged
   * @param highAlarms benign examples flagged at high severity
   */
  public record Row(
      String facet,
      int harmful,
      int caught,
      int wrong,
      int benign,
      int falseAlarms,
      int highAlarms) {
    public double recall() {
      return harmful == 0 ? 1 : (double) caught / harmful;
    }

    public double precision() {
      return caught + wrong == 0 ? 1 : (double) caught / (caught + wrong);
    }

    public double falsePositiveRate() {
      return benign == 0 ? 0 : (double) falseAlarms / benign;
    }
  }

  public static FacetReport of(String classifier, List<Evaluation.Prediction> predictions) {
    List<Row> rows = new ArrayList<>();
    rows.add(row("all", predictions, null));
    for (Category c : Category.values()) {
      List<Evaluation.Prediction> mine =
          predictions.stream()
              .filter(p -> p.example().isAbout(c) || p.example().category().isEmpty())
              .toList();
      if (mine.stream().anyMatch(p -> p.example().isAbout(c))) {
        rows.add(row("category/" + c.wire(), mine, c));
      }
    }
    rows.addAll(grouped("language/", predictions, e -> e.facets().language()));
    rows.addAll(grouped("obfuscation/", predictions, e -> e.facets().obfuscation()));
    rows.addAll(grouped("subgroup/", predictions, e -> e.facets().subgroup()));
    return new FacetReport(classifier, List.copyOf(rows));
  }

  /** The row named {@code facet}, such as {@code language/es}. */
  public java.util.Optional<Row> row(String facet) {
    return rows.stream().filter(r -> r.facet().equals(facet)).findFirst();
  }

  private static List<Row> grouped(
      String prefix,
      List<Evaluation.Prediction> predictions,
      Function<LabelledExample, String> key) {
    Map<String, List<Evaluation.Prediction>> groups = new LinkedHashMap<>();
    for (Evaluation.Prediction p : predictions) {
      String k = key.apply(p.example());
      if (!k.isEmpty()) {
        groups.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
      }
    }
    List<Row> out = new ArrayList<>();
    groups.forEach((k, ps) -> out.add(row(prefix + k, ps, null)));
    return out;
  }

  /** With {@code only}, precision counts only flags in that category. */
  private static Row row(String facet, List<Evaluation.Prediction> predictions, Category only) {
    int harmful = 0;
    int caught = 0;
    int wrong = 0;
    int benign = 0;
    int alarms = 0;
    int high = 0;
    for (Evaluation.Prediction p : predictions) {
      LabelledExample e = p.example();
      if (e.harmful()) {
        harmful += only == null || e.isAbout(only) ? 1 : 0;
        caught += (only == null || e.isAbout(only)) && p.flagged() ? 1 : 0;
      } else {
        Severity worst =
            only == null
                ? p.predicted()
                : p.assessment() == null ? Severity.SAFE : p.assessment().severity(only);
        benign++;
        alarms += worst != Severity.SAFE ? 1 : 0;
        high += worst == Severity.HIGH ? 1 : 0;
        wrong += worst != Severity.SAFE ? 1 : 0;
      }
    }
    return new Row(facet, harmful, caught, wrong, benign, alarms, high);
  }

  /** The report on the held-out set as a plain-text table. */
  public String format() {
    return format("held-out set");
  }

  /** The report as a plain-text table, headed with the name of the set it was made on. */
  public String format(String set) {
    StringBuilder out = new StringBuilder();
    out.append("classifier: ")
        .append(classifier)
        .append(" (")
        .append(set)
        .append(", by facet)\n\n");
    out.append(line("facet", "harmful", "recall", "precision", "benign", "FPR", "high"));
    for (Row r : rows) {
      out.append(
          line(
              r.facet(),
              String.valueOf(r.harmful()),
              r.harmful() == 0 ? "" : fmt(r.recall()),
              r.harmful() == 0 ? "" : fmt(r.precision()),
              String.valueOf(r.benign()),
              r.benign() == 0 ? "" : fmt(r.falsePositiveRate()),
              r.benign() == 0 ? "" : String.valueOf(r.highAlarms())));
    }
    return out.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String line(String... cells) {
    return String.format(Locale.ROOT, "%-26s %7s %7s %9s %7s %6s %5s", (Object[]) cells)
            .stripTrailing()
        + "\n";
  }
}
