package dev.lazurite.cli;

import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.config.ConfigLoader;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.network.OutboundHttp;
import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Classifiers;
import dev.lazurite.safety.Severity;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.Evaluation;
import dev.lazurite.safety.eval.FacetReport;
import dev.lazurite.safety.eval.HeldOutGate;
import dev.lazurite.safety.eval.LabelledExample;
import dev.lazurite.safety.eval.LabelledSet;
import dev.lazurite.safety.eval.Report;
import dev.lazurite.tokens.TokenCounter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lazurite safety}: measures the content classifier. */
@Command(
    name = "safety",
    mixinStandardHelpOptions = true,
    description = "Content safety tools.",
    subcommands = {SafetyCommand.Eval.class})
final class SafetyCommand {
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Print precision, recall and F1 per category and severity of the active classifier.",
        "By default the active classifier (the embedded one trained on the shipped set) is run on"
            + " the held-out set, which it never trained on, and the figures are cut by category,"
            + " language, obfuscation style and benign subgroup; it exits 1 below the held-out"
            + " gate. With --set dev the same report is made on the development set, on which"
            + " changes to the classifier are tried. With --cross-validate the embedded classifier"
            + " is measured on the shipped set by cross-validation; with --file the classifier is"
            + " run on every text of the file.",
        "With --file or --cross-validate it exits 1 when a category is below F1 0.85 or more"
            + " than 5%% of look-alikes are flagged, and 2 when the file cannot be read."
      })
  static final class Eval implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--file",
        description = "JSON Lines, one {\"text\", \"category\", \"severity\"} per line.")
    Path file;

    @Option(names = "--folds", defaultValue = "5", description = "Folds for cross-validation.")
    int folds;

    @Option(
        names = "--cross-validate",
        description = "Measure the embedded classifier by cross-validation on the shipped set.")
    boolean crossValidate;

    @Option(
        names = "--show-errors",
        description =
            "With the held-out or development set or --file, list each missed harmful text and"
                + " each false alarm.")
    boolean showErrors;

    /** The shipped labelled sets that are never trained on. */
    enum Untrained {
      HELDOUT("held-out set"),
      DEV("development set"),
      PASTED("pasted everyday text"),
      PASSAGES("harmful requests inside everyday text"),
      PROBES("probes written apart");

      private final String title;

      Untrained(String title) {
        this.title = title;
      }

      List<LabelledExample> examples() {
        return switch (this) {
          case HELDOUT -> LabelledSet.heldOut();
          case DEV -> LabelledSet.development();
          case PASTED -> LabelledSet.pasted();
          case PASSAGES -> LabelledSet.passages();
          case PROBES -> LabelledSet.probes();
        };
      }
    }

    @Option(
        names = "--set",
        defaultValue = "heldout",
        description =
            "The set to report on without --file: heldout, dev, pasted (everyday text as users"
                + " paste it, all benign), passages (the development set's harmful requests set"
                + " inside pasted everyday text), or probes (harmful requests and look-alikes"
                + " written apart, never read line by line).")
    Untrained set;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      var embedder = new EmbeddedEmbeddingBackend(new TokenCounter());
      ServerConfig settings = ConfigLoader.load(Map.of(), System.getenv(), Optional.empty());
      Classifier active =
          Classifiers.classifier(
              settings.safety(),
              new ShippedClassifier(),
              embedder::vectors,
              new OutboundHttp(
                  settings.outbound().policy(), Duration.ofSeconds(5), Duration.ofSeconds(30)));
      Report report;
      if (file != null) {
        List<LabelledExample> examples;
        try {
          examples = LabelledSet.read(file);
        } catch (IllegalArgumentException | java.io.IOException e) {
          spec.commandLine().getErr().println("lazurite safety eval: " + e.getMessage());
          spec.commandLine().getErr().flush();
          return 2;
        }
        Classifier judge = active instanceof EmbeddedClassifier e ? e.ready() : active;
        List<Evaluation.Prediction> predictions = Evaluation.predictions(judge, examples);
        report = Report.of(judge.name(), "held-out examples", predictions);
        if (showErrors) {
          errors(predictions, out);
          out.println();
        }
      } else if (!crossValidate) {
        return untrained(
            active instanceof EmbeddedClassifier e ? e.ready() : active, set, out, showErrors);
      } else if (active instanceof EmbeddedClassifier) {
        report =
            Evaluation.crossValidate(
                LabelledSet.categories(), LabelledSet.coverage(), folds, embedder::vectors);
      } else {
        report = Evaluation.evaluate(active, LabelledSet.shipped());
      }
      out.print(report.format());
      out.flush();
      return report.shortfalls().isEmpty() ? 0 : 1;
    }

    /**
     * Each missed harmful text, and each false alarm with the categories that raised it: {@code
     * missed hate/en (safe): …}, {@code false alarm benign/en (violence low): …}.
     */
    private static void errors(List<Evaluation.Prediction> predictions, PrintWriter out) {
      for (Evaluation.Prediction p : predictions) {
        if (p.example().harmful() != p.flagged()) {
          out.printf(
              "%s %s/%s (%s): %s%n",
              p.flagged() ? "false alarm" : "missed",
              p.example().category().map(c -> c.wire()).orElse("benign"),
              p.example().facets().language(),
              p.flagged() ? flaggedIn(p.assessment()) : p.predicted().wire(),
              p.example().text());
        }
      }
    }

    /** The categories a text was flagged in, with their severities: {@code violence low}. */
    private static String flaggedIn(Assessment assessment) {
      return assessment.severities().entrySet().stream()
          .filter(e -> e.getValue() != Severity.SAFE)
          .map(e -> e.getKey().wire() + " " + e.getValue().wire())
          .collect(Collectors.joining(", "));
    }

    private static int untrained(
        Classifier classifier, Untrained set, PrintWriter out, boolean showErrors) {
      List<Evaluation.Prediction> predictions = Evaluation.predictions(classifier, set.examples());
      FacetReport report = FacetReport.of(classifier.name(), predictions);
      out.print(report.format(set.title));
      if (showErrors) {
        out.println();
        errors(predictions, out);
      }
      List<String> shortfalls = HeldOutGate.CURRENT.shortfalls(report);
      List<String> missed = HeldOutGate.TARGET.shortfalls(report);
      out.println();
      out.println(HeldOutGate.CURRENT.describe());
      out.println(HeldOutGate.TARGET.describe());
      out.println(
          shortfalls.isEmpty() ? "gate met" : "below the gate: " + String.join("; ", shortfalls));
      out.println(
          missed.isEmpty() ? "target met" : "short of the target: " + String.join("; ", missed));
      out.flush();
      return shortfalls.isEmpty() ? 0 : 1;
    }
  }
}
