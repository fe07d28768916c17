package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that makes one control-plane call and prints its JSON answer, as az does. */
abstract class ArmCommand implements Callable<Integer> {
  @Mixin ClientOptions client;
  @Spec CommandSpec spec;

  /** Makes the call; returns what to print, or null to print nothing. */
  abstract JsonNode call(ArmClient arm) throws Exception;

  /** Adjusts how the server is found before the call (e.g. the resource being created). */
  void configure(ClientOptions options) {}

  @Override
  public final Integer call() throws Exception {
    configure(client);
    JsonNode answer = call(client.client());
    if (answer != null) {
      Output.print(spec.commandLine().getOut(), answer);
    }
    return 0;
  }
}
