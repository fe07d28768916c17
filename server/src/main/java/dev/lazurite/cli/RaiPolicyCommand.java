package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "rai-policy",
    mixinStandardHelpOptions = true,
    description =
        "Content filter policies: thresholds, prompt shields, blocklists and stream mode.",
    subcommands = {
      RaiPolicyCommand.Create.class,
      RaiPolicyCommand.Update.class,
      RaiPolicyCommand.Show.class,
      RaiPolicyCommand.ListPolicies.class,
      RaiPolicyCommand.Delete.class
    })
final class RaiPolicyCommand {
  static String path(ArmClient arm, String name) {
    return arm.accountPath() + "/raiPolicies" + (name == null ? "" : "/" + ArmClient.encode(name));
  }

  /** Options shared by create and update. */
  abstract static class Edit extends ArmCommand {
    @Option(names = "--name", required = true, description = "Policy name.")
    String name;

    @Option(names = "--mode", description = "Default or Asynchronous_filter (streams).")
    String mode;

    @Option(
        names = "--filter",
        description =
            "NAME,SOURCE,THRESHOLD,ACTION, e.g. hate,prompt,high,block or jailbreak,prompt,-,annotate;"
                + " ACTION is block, annotate or off. Repeatable.")
    List<String> filters = List.of();

    @Option(
        names = "--blocklist",
        description = "NAME,SOURCE,ACTION, e.g. banned-terms,prompt,block. Repeatable.")
    List<String> blocklists = List.of();

    /** Applies the options to a policy body (replacing filters with the same name and source). */
    ObjectNode apply(ObjectNode body) {
      ObjectNode props = body.with("properties");
      props.remove(List.of("type"));
      if (mode != null) {
        props.put("mode", mode);
      }
      ArrayNode current = props.withArray("contentFilters");
      for (String spec : filters) {
        String[] f = spec.split(",");
        if (f.length != 4) {
          throw new IllegalArgumentException(
              "--filter takes NAME,SOURCE,THRESHOLD,ACTION: " + spec);
        }
        String source = capitalize(f[1]);
        remove(current, "name", f[0], source);
        ObjectNode filter = current.addObject().put("name", f[0]).put("source", source);
        if (!f[2].equals("-")) {
          filter.put("severityThreshold", capitalize(f[2]));
        }
        filter.put("enabled", !f[3].equalsIgnoreCase("off"));
        filter.put("blocking", f[3].equalsIgnoreCase("block"));
      }
      ArrayNode lists = props.withArray("customBlocklists");
      for (String spec : blocklists) {
        String[] b = spec.split(",");
        if (b.length != 3) {
          throw new IllegalArgumentException("--blocklist takes NAME,SOURCE,ACTION: " + spec);
        }
        String source = capitalize(b[1]);
        remove(lists, "blocklistName", b[0], source);
        lists
            .addObject()
            .put("blocklistName", b[0])
            .put("source", source)
            .put("blocking", b[2].equalsIgnoreCase("block"));
      }
      return body;
    }

    private static void remove(ArrayNode array, String field, String name, String source) {
      String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      for (int i = array.size() - 1; i >= 0; i--) {
        JsonNode n = array.get(i);
        if (n.path(field).asText().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals(key)
            && n.path("source").asText().equals(source)) {
          array.remove(i);
        }
      }
    }

    private static String capitalize(String s) {
      String lower = s.toLowerCase(Locale.ROOT);
      return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a policy from Microsoft.DefaultV2 and the given filters and blocklists.")
  static final class Create extends Edit {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode base = (ObjectNode) arm.send("GET", path(arm, "Microsoft.DefaultV2"), null);
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.set("properties", base.path("properties").deepCopy());
      ((ObjectNode) body.get("properties")).put("basePolicyName", "Microsoft.DefaultV2");
      return arm.send("PUT", path(arm, name), apply(body));
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Change filters, blocklists or mode of a policy; takes effect at once.")
  static final class Update extends Edit {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode existing = (ObjectNode) arm.send("GET", path(arm, name), null);
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.set("properties", existing.path("properties").deepCopy());
      return arm.send("PUT", path(arm, name), apply(body));
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a policy.")
  static final class Show extends ArmCommand {
    @Option(names = "--name", required = true, description = "Policy name.")
    String name;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", path(arm, name), null);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the built-in and custom policies.")
  static final class ListPolicies extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", path(arm, null), null).path("value");
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a policy no deployment uses.")
  static final class Delete extends ArmCommand {
    @Option(names = "--name", required = true, description = "Policy name.")
    String name;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", path(arm, name), null);
      return null;
    }
  }
}
