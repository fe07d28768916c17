package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that makes control-plane calls and prints the answer as az does, with az's {@code
 * --query} and {@code -o/--output}.
 */
abstract class ArmCommand implements Callable<Integer> {
  @Mixin ClientOptions client;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  /** Makes the call; returns what to print, or null to print nothing. */
  abstract JsonNode call(ArmClient arm) throws Exception;

  /** Adjusts how the server is found before the call (e.g. the resource being created). */
  void configure(ClientOptions options) {}

  @Override
  public final Integer call() throws Exception {
    var format = output.format();
    var query = output.expression();
    configure(client);
    JsonNode answer = call(client.client());
    if (answer != null) {
      Output.print(spec.commandLine().getOut(), answer, format, query, Terminal.interactive());
    }
    return 0;
  }
}
