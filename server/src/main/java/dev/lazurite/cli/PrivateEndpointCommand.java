package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "private-endpoint",
    mixinStandardHelpOptions = true,
    description = "Private endpoints: listener addresses that reach one resource privately.",
    subcommands = {
      PrivateEndpointCommand.Create.class,
      PrivateEndpointCommand.ListAll.class,
      PrivateEndpointCommand.Delete.class
    })
final class PrivateEndpointCommand {
  static String path(ArmClient arm) {
    return arm.accountPath() + "/privateEndpoints";
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Serve the resource on ADDRESS[:PORT], for clients in SOURCE.")
  static final class Create extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        required = true)
    String name;

    @Option(
        names = "--address",
        required = true,
        description = "The private IP: a local address the server can listen on.")
    String address;

    @Option(names = "--port", defaultValue = "443")
    int port;

    @Option(
        names = "--source",
        description = "The virtual network: a CIDR range allowed to use the endpoint.")
    String source;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      ObjectNode properties =
          body.putObject("properties").put("address", address).put("port", port);
      if (source != null) {
        properties.put("sourceRange", source);
      }
      return arm.send("PUT", path(arm) + "/" + ArmClient.encode(name), body);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true)
  static final class ListAll extends ChildResourceCommands.ListChildren {
    @Override
    String collection(ArmClient arm) {
      return path(arm);
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true)
  static final class Delete extends ChildResourceCommands.DeleteChild {
    @Override
    String collection(ArmClient arm) {
      return path(arm);
    }
  }
}
