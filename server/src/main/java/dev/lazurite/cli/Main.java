package dev.lazurite.cli;

import picocli.CommandLine;

/** Entry point of the {@code lazurite} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandLine cli = commandLine();
    int code = cli.execute(args);
    // A server that ran returns once its shutdown hook has stopped it: the JVM is exiting already.
    if (code != 0 || !served(cli)) {
      System.exit(code);
    }
  }

  private static boolean served(CommandLine cli) {
    var parsed = cli.getParseResult();
    return parsed != null
        && parsed.hasSubcommand()
        && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand;
  }

  public static CommandLine commandLine() {
    return new CommandLine(new LazuriteCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(UsageErrors::handle)
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("error: " + e.getMessage());
              return 1;
            });
  }
}
