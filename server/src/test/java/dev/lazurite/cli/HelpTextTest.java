package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders as written: picocli reads descriptions as format strings, and one
 * that does not format (a bare {@code %}) makes it warn on the terminal and print the raw text.
 */
class HelpTextTest {
  @Test
  void everyCommandsHelpFormatsWithoutAWarning() {
    List<String> unformatted = new ArrayList<>();
    PrintStream err = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      visit(Main.commandLine(), unformatted);
    } finally {
      System.setErr(err);
    }
    assertThat(unformatted).isEmpty();
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
  }

  @Test
  void theSafetyEvalHelpSpellsItsPercentage() {
    CommandLine eval =
        Main.commandLine().getSubcommands().get("safety").getSubcommands().get("eval");
    assertThat(eval.getUsageMessage()).contains("than 5% of look-alikes");
  }

  private static void visit(CommandLine command, List<String> unformatted) {
    String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    if (usage.contains("%n") || usage.contains("%%")) {
      unformatted.add(command.getCommandSpec().qualifiedName());
    }
    command.getSubcommands().values().forEach(sub -> visit(sub, unformatted));
  }
}
