package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "identity",
    mixinStandardHelpOptions = true,
    description =
        "Service principals, managed identities, groups and users of the built-in token service.",
    subcommands = {
      IdentityCommand.ServicePrincipals.class,
      IdentityCommand.ManagedIdentities.class,
      IdentityCommand.Groups.class,
      IdentityUsers.class
    })
final class IdentityCommand {
  static final String BASE = "/lazurite/identity";

  @Command(
      name = "sp",
      mixinStandardHelpOptions = true,
      description = "Service principals with client secrets (like az ad sp create-for-rbac).",
      subcommands = {
        ServicePrincipals.Create.class,
        ServicePrincipals.ListAll.class,
        ServicePrincipals.Credentials.class
      })
  static final class ServicePrincipals {
    @Command(
        name = "credential",
        mixinStandardHelpOptions = true,
        description = "A service principal's client secrets (like az ad sp credential).",
        subcommands = {
          Credentials.Reset.class,
          Credentials.ListAll.class,
          Credentials.Delete.class
        })
    static final class Credentials {
      @Command(
          name = "reset",
          mixinStandardHelpOptions = true,
          description =
              "Print {appId, password, tenant} with a new secret; without --append the others are"
                  + " deleted.")
      static final class Reset extends ArmCommand {
        @Option(names = "--id", required = true, description = "The app id.")
        String id;

        @Option(names = "--append", description = "Keep the existing secrets.")
        boolean append;

        @Override
        JsonNode call(ArmClient arm) throws Exception {
          return arm.send(
              "POST",
              BASE + "/servicePrincipals/" + ArmClient.encode(id) + "/secrets",
              Json.MAPPER.createObjectNode().put("replace", !append));
        }
      }

      @Command(name = "list", mixinStandardHelpOptions = true)
      static final class ListAll extends ArmCommand {
        @Option(names = "--id", required = true, description = "The app id.")
        String id;

        @Override
        JsonNode call(ArmClient arm) throws Exception {
          return Output.values(
              arm.send(
                  "GET", BASE + "/servicePrincipals/" + ArmClient.encode(id) + "/secrets", null));
        }
      }

      @Command(
          name = "delete",
          mixinStandardHelpOptions = true,
          description = "Delete one secret: no instance issues a token for it from then on.")
      static final class Delete extends ArmCommand {
        @Option(names = "--id", required = true, description = "The app id.")
        String id;

        @Option(names = "--key-id", required = true, description = "The secret's key id.")
        String keyId;

        @Override
        JsonNode call(ArmClient arm) throws Exception {
          arm.send(
              "DELETE",
              BASE
                  + "/servicePrincipals/"
                  + ArmClient.encode(id)
                  + "/secrets/"
                  + ArmClient.encode(keyId),
              null);
          return null;
        }
      }
    }

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Print {appId, password, tenant, displayName}; the password is shown once.")
    static final class Create extends ArmCommand {
      @Option(
          names = {"--name", "-n"},
          required = true)
      String name;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return arm.send(
            "POST",
            BASE + "/servicePrincipals",
            Json.MAPPER.createObjectNode().put("displayName", name));
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListAll extends ArmCommand {
      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return Output.values(arm.send("GET", BASE + "/servicePrincipals", null));
      }
    }
  }

  @Command(
      name = "mi",
      mixinStandardHelpOptions = true,
      description = "Managed identities, reached through IDENTITY_ENDPOINT and IDENTITY_HEADER.",
      subcommands = {
        ManagedIdentities.Create.class,
        ManagedIdentities.ListAll.class,
        ManagedIdentities.Env.class
      })
  static final class ManagedIdentities {
    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Print {clientId, principalId}.")
    static final class Create extends ArmCommand {
      @Option(
          names = {"--name", "-n"},
          required = true)
      String name;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return arm.send(
            "POST", BASE + "/managedIdentities", Json.MAPPER.createObjectNode().put("name", name));
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListAll extends ArmCommand {
      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return Output.values(arm.send("GET", BASE + "/managedIdentities", null));
      }
    }

    @Command(
        name = "env",
        mixinStandardHelpOptions = true,
        description = "Print the export lines a process running as the identity uses.")
    static final class Env extends ArmCommand {
      @Option(
          names = {"--name", "-n"},
          required = true)
      String name;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        JsonNode env =
            arm.send("GET", BASE + "/managedIdentities/" + ArmClient.encode(name) + "/env", null);
        var out = spec.commandLine().getOut();
        env.fields()
            .forEachRemaining(
                e -> out.println("export " + e.getKey() + "=" + e.getValue().asText()));
        out.flush();
        return null;
      }
    }
  }

  @Command(
      name = "group",
      mixinStandardHelpOptions = true,
      description = "Security groups; tokens carry their members' group ids in 'groups'.",
      subcommands = {Groups.Create.class, Groups.ListAll.class, Groups.AddMember.class})
  static final class Groups {
    @Command(name = "create", mixinStandardHelpOptions = true)
    static final class Create extends ArmCommand {
      @Option(
          names = {"--name", "-n"},
          required = true)
      String name;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return arm.send(
            "POST", BASE + "/groups", Json.MAPPER.createObjectNode().put("displayName", name));
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListAll extends ArmCommand {
      @Override
      JsonNode call(ArmClient arm) throws Exception {
        return Output.values(arm.send("GET", BASE + "/groups", null));
      }
    }

    @Command(
        name = "add-member",
        mixinStandardHelpOptions = true,
        description = "Add a principal (object id) to a group.")
    static final class AddMember extends ArmCommand {
      @Option(names = "--group", required = true, description = "Group object id.")
      String group;

      @Option(names = "--member", required = true, description = "Member object id.")
      String member;

      @Override
      JsonNode call(ArmClient arm) throws Exception {
        arm.send(
            "POST",
            BASE + "/groups/" + ArmClient.encode(group) + "/members",
            Json.MAPPER.createObjectNode().put("memberId", member));
        return null;
      }
    }
  }
}
