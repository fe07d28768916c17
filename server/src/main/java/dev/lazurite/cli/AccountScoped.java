package dev.lazurite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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

  /** Puts az's {@code --tags a=b c=d} (or {@code --tags ""} for none) into a body. */
  static void putTags(ObjectNode body, List<String> tags) {
    if (tags == null) {
      return;
    }
    ObjectNode out = body.putObject("tags");
    for (String tag : tags) {
      if (tag.isEmpty()) {
        continue;
      }
      int eq = tag.indexOf('=');
      out.put(eq < 0 ? tag : tag.substring(0, eq), eq < 0 ? "" : tag.substring(eq + 1));
    }
  }
}
