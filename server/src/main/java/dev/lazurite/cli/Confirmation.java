package dev.lazurite.cli;

import java.util.Locale;

/** az's confirmation prompt for destructive commands, refused without a terminal. */
final class Confirmation {
  private Confirmation() {}

  /** Asks on the terminal; throws az's error when there is none to ask on. */
  static boolean ask() {
    var console = System.console();
    if (console == null || !console.isTerminal()) {
      throw new IllegalStateException(
          "Unable to prompt for confirmation as no tty available. Use --yes.");
    }
    String answer = console.readLine("Are you sure you want to perform this operation? (y/n): ");
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
