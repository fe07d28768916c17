package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** az's global output options: {@code -o/--output} and {@code --query}. */
final class OutputOptions {
  private static final JacksonRuntime JMESPATH = new JacksonRuntime();

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"--output", "-o"},
      paramLabel = "FORMAT",
      description = "Output format: json (default), jsonc, tsv, table or none.")
  String output;

  @Option(
      names = "--query",
      paramLabel = "JMESPATH",
      description = "JMESPath query string, e.g. properties.endpoint. See https://jmespath.org.")
  String query;

  /** The chosen format; refuses an unknown one with az's message. */
  OutputFormat format() {
    if (output == null) {
      return OutputFormat.JSON;
    }
    return OutputFormat.parse(output)
        .orElseThrow(
            () ->
                new ParameterException(
                    commandLine(),
                    "argument --output/-o: invalid choice: '%s' (choose from %s)"
                        .formatted(output, OutputFormat.CHOICES)));
  }

  /** The compiled query; refuses one that does not parse with az's message. */
  Optional<Expression<JsonNode>> expression() {
    if (query == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JMESPATH.compile(query));
    } catch (JmesPathException e) {
      throw new ParameterException(
          commandLine(), "argument --query: invalid jmespath_type value: '%s'".formatted(query));
    }
  }

  private CommandLine commandLine() {
    return mixee.commandLine();
  }
}
