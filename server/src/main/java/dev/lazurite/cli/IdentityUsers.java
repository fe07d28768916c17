package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * User principals of the built-in identity service: people who sign in to the portal with a
 * password. Passwords are read from standard input, never from the command line.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Users who sign in to the portal with a password (like az ad user).",
    subcommands = {
      IdentityUsers.Create.class,
      IdentityUsers.ListAll.class,
      IdentityUsers.SetPassword.class,
      IdentityUsers.Delete.class
    })
final class IdentityUsers {
  private static final String USERS = IdentityCommand.BASE + "/users";

  private IdentityUsers() {}

  /** The password on standard input: its first line, without the line break. */
  static String password(InputStream in) throws IOException {
    String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a user; its password is the first line of standard input. Print {objectId,"
              + " userPrincipalName, displayName}.")
  static final class Create extends ArmCommand {
    @Option(
        names = "--user-principal-name",
        required = true,
        description = "The sign-in name, e.g. alice@contoso.example.")
    String userPrincipalName;

    @Option(names = "--display-name", required = true)
    String displayName;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send(
          "POST",
          USERS,
          Json.MAPPER
              .createObjectNode()
              .put("userPrincipalName", userPrincipalName)
              .put("displayName", displayName)
              .put("password", password(System.in)));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true)
  static final class ListAll extends ArmCommand {
    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", USERS, null));
    }
  }

  @Command(
      name = "set-password",
      mixinStandardHelpOptions = true,
      description = "Replace a user's password with the first line of standard input.")
  static final class SetPassword extends ArmCommand {
    @Option(names = "--id", required = true, description = "The user's object id.")
    String id;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send(
          "PUT",
          USERS + "/" + ArmClient.encode(id) + "/password",
          Json.MAPPER.createObjectNode().put("password", password(System.in)));
      return null;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a user: it signs in nowhere from then on.")
  static final class Delete extends ArmCommand {
    @Option(names = "--id", required = true, description = "The user's object id.")
    String id;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", USERS + "/" + ArmClient.encode(id), null);
      return null;
    }
  }
}
