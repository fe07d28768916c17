package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

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
          "Print the privatelink.openai.azure.com records (BIND zone and hosts lines) of a resource's private endpoints.")
  static final class Zone extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      JsonNode endpoints = Output.values(arm.send("GET", PrivateEndpointCommand.path(arm), null));
      var out = spec.commandLine().getOut();
      out.println("$ORIGIN privatelink.openai.azure.com.");
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
      return null;
    }
  }
}
