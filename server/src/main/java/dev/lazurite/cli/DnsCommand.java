package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "dns",
    mixinStandardHelpOptions = true,
    description = "Private DNS records for private endpoints.",
    subcommands = {DnsCommand.Zone.class})
final class DnsCommand {
  @Command(
      name = "zone",
      mixinStandardHelpOptions = true,
      description =
          "Print the private DNS zone records (BIND zone and hosts lines) of a resource's private"
              + " endpoints: privatelink.openai.azure.com for an account, or"
              + " privatelink.search.windows.net with --search-service.")
  static final class Zone extends ArmCommand {
    @Option(
        names = "--search-service",
        description =
            "The search service whose private endpoints to print, instead of the account.")
    String searchService;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      String path =
          searchService == null
              ? PrivateEndpointCommand.path(arm)
              : arm.searchPath(searchService) + "/privateEndpoints";
      String zone =
          searchService == null ? "privatelink.openai.azure.com" : "privatelink.search.windows.net";
      print(spec.commandLine().getOut(), zone, Output.values(arm.send("GET", path, null)));
      return null;
    }
  }

  private static void print(PrintWriter out, String zone, JsonNode endpoints) {
    out.println("$ORIGIN " + zone + ".");
    out.println("$TTL 10");
    for (JsonNode e : endpoints) {
      String host = e.at("/properties/privateLinkHost").asText();
      String label = host.substring(0, host.indexOf('.'));
      String address = e.at("/properties/address").asText();
      out.println(label + " IN " + (address.contains(":") ? "AAAA " : "A ") + address);
    }
    out.println();
    out.println("# hosts-file lines");
    for (JsonNode e : endpoints) {
      String host = e.at("/properties/privateLinkHost").asText();
      String address = e.at("/properties/address").asText();
      out.println(address + " " + host + " " + host.replace(".privatelink.", "."));
    }
    out.flush();
  }
}
