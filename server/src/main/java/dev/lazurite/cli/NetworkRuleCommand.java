package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "network-rule",
    mixinStandardHelpOptions = true,
    description = "A resource's IP rules (az cognitiveservices account network-rule).",
    subcommands = {
      NetworkRuleCommand.Add.class,
      NetworkRuleCommand.Remove.class,
      NetworkRuleCommand.ListRules.class
    })
final class NetworkRuleCommand {
  /** The resource's networkAcls, with az's default (Deny, no rules) when it has none. */
  static ObjectNode acls(ArmClient arm) throws Exception {
    JsonNode acls = arm.send("GET", arm.accountPath(), null).at("/properties/networkAcls");
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("defaultAction", acls.path("defaultAction").asText("Deny"));
    ArrayNode rules = out.putArray("ipRules");
    acls.path("ipRules").forEach(r -> rules.addObject().put("value", r.path("value").asText()));
    out.putArray("virtualNetworkRules");
    return out;
  }

  /** An address and its single-host range are the same rule. */
  static boolean sameRule(String a, String b) {
    return host(a).equalsIgnoreCase(host(b));
  }

  private static String host(String rule) {
    return rule.endsWith("/32") || rule.endsWith("/128")
        ? rule.substring(0, rule.lastIndexOf('/'))
        : rule;
  }

  static JsonNode update(ArmClient arm, ObjectNode acls) throws Exception {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putObject("properties").set("networkAcls", acls);
    return arm.send("PATCH", arm.accountPath(), body);
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Allow an IPv4 or IPv6 address or CIDR range.")
  static final class Add extends AccountScoped {
    @Option(names = "--ip-address", required = true, description = "Address or CIDR range.")
    String ipAddress;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode acls = acls(arm);
      acls.withArray("ipRules").addObject().put("value", ipAddress);
      return update(arm, acls);
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an IP rule.")
  static final class Remove extends AccountScoped {
    @Option(names = "--ip-address", required = true, description = "Address or CIDR range.")
    String ipAddress;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode acls = acls(arm);
      ArrayNode kept = Json.MAPPER.createArrayNode();
      acls.withArray("ipRules")
          .forEach(
              r -> {
                if (!sameRule(r.path("value").asText(), ipAddress)) {
                  kept.add(r);
                }
              });
      acls.set("ipRules", kept);
      return update(arm, acls);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print the default action and IP rules.")
  static final class ListRules extends AccountScoped {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return acls(arm);
    }
  }
}
