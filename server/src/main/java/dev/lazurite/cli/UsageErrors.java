package dev.lazurite.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Command-line mistakes reported in az's words, with where to find help; exit code 2. */
final class UsageErrors {
  private UsageErrors() {}

  static int handle(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    var err = cmd.getErr();
    err.println("error: " + message(e));
    err.println(
        "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the flags it takes.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String message(ParameterException e) {
    return switch (e) {
      case UnmatchedArgumentException u ->
          "unrecognized arguments: " + String.join(" ", u.getUnmatched());
      case MissingParameterException m ->
          "the following arguments are required: "
              + m.getMissing().stream().map(UsageErrors::names).collect(Collectors.joining(", "));
      default -> e.getMessage();
    };
  }

  private static String names(ArgSpec arg) {
    return arg instanceof OptionSpec option ? String.join("/", option.names()) : arg.paramLabel();
  }
}
