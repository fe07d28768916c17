package dev.lazurite.cli;

import picocli.CommandLine;

/** Entry point of the {@code lazurite} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0 || !ServeCommand.RUNNING.get()) {
      System.exit(code);
    }
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
