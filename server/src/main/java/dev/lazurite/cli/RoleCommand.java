package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "role",
    mixinStandardHelpOptions = true,
    description = "Role assignments (like az role assignment).",
    subcommands = {RoleCommand.Assignment.class})
final class RoleCommand {
  static String assignments(ArmClient arm, String scope) {
    return (scope == null ? arm.accountPath() : scope)
        + "/providers/Microsoft.Authorization/roleAssignments";
  }

  @Command(
      name = "assignment",
      mixinStandardHelpOptions = true,
      subcommands = {Assignment.Create.class, Assignment.ListAll.class, Assignment.Delete.class})
  static final class Assignment {
    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Grant a role to a principal or group at a scope.")
    static final class Create extends ArmCommand {
      @Option(
          names = "--assignee",
          description =
              "The principal: an object id, the appId of a service principal, the client id of a"
                  + " managed identity, or a display name that names one principal.")
      String assignee;

      @Option(
          names = "--assignee-object-id",
          description = "The principal's object id, used as given (no directory look-up).")
      String assigneeObjectId;

      @Option(
          names = "--assignee-principal-type",
          description = "With --assignee-object-id: User, Group or ServicePrincipal.")
      String principalType;

      @Option(
          names = "--role",
          required = true,
          description = "Role name or id, e.g. \"Cognitive Services OpenAI User\".")
      String role;

      @Option(names = "--scope", description = "ARM scope; default: the resource.")
      String scope;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        if ((assignee == null) == (assigneeObjectId == null)) {
          throw new ParameterException(
              spec.commandLine(), "usage error: --assignee STRING | --assignee-object-id GUID");
        }
        String principal =
            assigneeObjectId != null ? assigneeObjectId : Assignees.resolve(arm, assignee);
        ObjectNode properties = Json.MAPPER.createObjectNode();
        properties.put("roleDefinitionId", role).put("principalId", principal);
        if (principalType != null) {
          properties.put("principalType", principalType);
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("properties", properties);
        return arm.send("PUT", assignments(arm, scope) + "/" + UUID.randomUUID(), body);
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Assignments at, above or below a scope.")
    static final class ListAll extends ArmCommand {
      @Option(names = "--scope", description = "ARM scope; default: the resource.")
      String scope;

      @Option(
          names = "--assignee",
          description = "Only the assignments of this principal (as create's --assignee).")
      String assignee;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        JsonNode all = Output.values(arm.send("GET", assignments(arm, scope), null));
        if (assignee == null) {
          return all;
        }
        String principal = Assignees.resolve(arm, assignee);
        var mine = Json.MAPPER.createArrayNode();
        all.forEach(
            a -> {
              if (a.at("/properties/principalId").asText().equalsIgnoreCase(principal)) {
                mine.add(a);
              }
            });
        return mine;
      }
    }

    @Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Remove an assignment by its id (its name).")
    static final class Delete extends ArmCommand {
      @Option(
          names = {"--id", "--ids"},
          required = true)
      String id;

      @Option(names = "--scope", description = "ARM scope; default: the resource.")
      String scope;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        String name = id.substring(id.lastIndexOf('/') + 1);
        String at = scope;
        int provider = id.indexOf("/providers/Microsoft.Authorization/roleAssignments/");
        if (provider > 0) {
          at = id.substring(0, provider);
        }
        arm.send("DELETE", assignments(arm, at) + "/" + name, null);
        return null;
      }
    }
  }
}
