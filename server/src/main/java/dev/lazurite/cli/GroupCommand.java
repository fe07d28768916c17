package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "group",
    mixinStandardHelpOptions = true,
    description = "Resource groups (az group): create one before creating resources in it.",
    subcommands = {
      GroupCommand.Create.class,
      GroupCommand.Show.class,
      GroupCommand.ListGroups.class,
      GroupCommand.Exists.class,
      GroupCommand.Delete.class
    })
final class GroupCommand {
  /** A command about one group: az takes its name as -n/--name or -g/--resource-group. */
  abstract static class Named extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        paramLabel = "NAME",
        description = "Resource group name (also -g/--resource-group).")
    String name;

    /** The group's name from --name or -g; refuses neither or two different ones. */
    String group() {
      String fromGroup = client.resourceGroup;
      if (name != null && fromGroup != null && !name.equals(fromGroup)) {
        throw new ParameterException(
            spec.commandLine(),
            "usage error: --name '%s' and --resource-group '%s' name different groups; pass one"
                .formatted(name, fromGroup));
      }
      String group = name != null ? name : fromGroup;
      if (group == null) {
        throw new ParameterException(
            spec.commandLine(),
            "the following arguments are required: --name/-n/--resource-group/-g");
      }
      return group;
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a resource group, or update its tags.")
  static final class Create extends Named {
    @Option(
        names = {"--location", "-l"},
        required = true,
        description = "Location, e.g. eastus.")
    String location;

    @Option(names = "--tags", arity = "0..*", description = "Space-separated tags: key[=value].")
    List<String> tags;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      String group = group();
      ObjectNode body = Json.MAPPER.createObjectNode().put("location", location);
      Tags.put(body, tags);
      return arm.send("PUT", arm.groupPath(group), body);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a resource group.")
  static final class Show extends Named {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", arm.groupPath(group()), null);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the subscription's resource groups.")
  static final class ListGroups extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", arm.groupPath(null), null));
    }
  }

  @Command(
      name = "exists",
      mixinStandardHelpOptions = true,
      description = "Print true or false: whether the resource group exists.")
  static final class Exists extends Named {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Json.MAPPER.getNodeFactory().booleanNode(arm.exists(arm.groupPath(group())));
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a resource group and every resource in it.")
  static final class Delete extends Named {
    @Option(
        names = {"--yes", "-y"},
        description = "Do not prompt for confirmation.")
    boolean yes;

    @Option(
        names = "--no-wait",
        description = "Accepted for az's scripts; the group is deleted before the command ends.")
    boolean noWait;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      String group = group();
      if (!yes && !Confirmation.ask()) {
        return null;
      }
      arm.send("DELETE", arm.groupPath(group), null);
      return null;
    }
  }
}
