package dev.lazurite.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * A command about one resource, named as az names it: {@code -n/--name} is the resource (account)
 * and {@code -g/--resource-group} its group.
 */
abstract class AccountScoped extends ArmCommand {
  @Option(
      names = {"--name", "-n"},
      paramLabel = "NAME",
      description = "Resource (account) name; default: the server's default resource.")
  String name;

  @Override
  void configure(ClientOptions options) {
    options.nameAccount(name, "--name");
  }

  /** Refuses the command without a resource name, with az's message. */
  void requireName() {
    if (name == null && client.account == null) {
      throw new ParameterException(
          spec.commandLine(), "the following arguments are required: --name/-n");
    }
  }
}
