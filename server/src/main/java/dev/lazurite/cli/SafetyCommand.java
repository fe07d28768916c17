package dev.lazurite.cli;

import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.config.ConfigLoader;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.network.OutboundHttp;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Classifiers;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.Evaluation;
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
        "Without --file the embedded classifier is measured on the shipped set by cross-validation"
            + " (each text assessed by a model that did not see it); with --file, or with an"
            + " external classifier configured, the classifier is run on every text.",
        "Exits 1 when a category is below F1 0.85 or more than 5% of look-alikes are flagged,"
            + " and 2 when the file cannot be read."
      })
  static final class Eval implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--file",
        description = "JSON Lines, one {\"text\", \"category\", \"severity\"} per line.")
    Path file;

    @Option(names = "--folds", defaultValue = "5", description = "Folds for cross-validation.")
    int folds;

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
        report =
            Evaluation.evaluate(
                active instanceof EmbeddedClassifier e ? e.ready() : active, examples);
      } else if (active instanceof EmbeddedClassifier) {
        report = Evaluation.crossValidate(LabelledSet.shipped(), folds, embedder::vectors);
      } else {
        report = Evaluation.evaluate(active, LabelledSet.shipped());
      }
      out.print(report.format());
      out.flush();
      return report.shortfalls().isEmpty() ? 0 : 1;
    }
  }
}
