package dev.lazurite.cli;

/** Whether standard output is an interactive terminal rather than a pipe, file or service log. */
final class Terminal {
  private Terminal() {}

  static boolean interactive() {
    var console = System.console();
    return console != null && console.isTerminal();
  }
}
