package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.config.ClientConfig;
import dev.lazurite.json.Json;
import dev.lazurite.server.AdminCredential;
import dev.lazurite.server.ServerFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How a command finds the server: the {@code server.json} and admin credential in the data
 * directory of a local server, or an explicit endpoint and token for a remote one.
 */
final class ClientOptions {
  @Option(
      names = "--data-dir",
      description =
          "Data directory of the local server (LAZURITE_DATA_DIR; default ./lazurite-data).")
  String dataDir;

  @Option(
      names = "--endpoint",
      description = "Control-plane endpoint of a remote server (LAZURITE_ENDPOINT).")
  String endpoint;

  @Option(
      names = "--admin-token",
      description = "Admin credential of a remote server (LAZURITE_ADMIN_TOKEN).")
  String adminToken;

  private ClientConfig settings;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"--account-name", "--account"},
      description = "Resource (account) name; default: the server's default resource.")
  String account;

  @Option(
      names = {"--resource-group", "-g"},
      description = "Resource group; default: the server's.")
  String resourceGroup;

  @Option(names = "--subscription", description = "Subscription id; default: the server's.")
  String subscription;

  /**
   * Names the resource with the command's own flag (az's {@code --name}); refuses a different name
   * given with {@code --account-name}.
   */
  void nameAccount(String name, String flag) {
    if (name == null) {
      return;
    }
    if (account != null && !account.equals(name)) {
      throw new ParameterException(
          mixee.commandLine(),
          "usage error: %s '%s' and --account-name '%s' name different resources; pass one"
              .formatted(flag, name, account));
    }
    account = name;
  }

  ArmClient client() throws IOException {
    ClientConfig settings = settings();
    Path dir = settings.dataDir();
    Optional<String> remote = settings.endpoint();
    JsonNode server = Json.MAPPER.createObjectNode();
    Path serverFile = dir.resolve(ServerFile.FILE);
    if (Files.exists(serverFile)) {
      server = Json.parse(Files.readAllBytes(serverFile));
    } else if (remote.isEmpty()) {
      throw new IOException(
          "no running server found in "
              + dir.toAbsolutePath()
              + " (start one with `lazurite serve`, or pass --endpoint)");
    }
    String token = settings.adminToken().orElse(null);
    if (token == null) {
      Path tokenFile = dir.resolve(AdminCredential.FILE);
      if (!Files.exists(tokenFile)) {
        throw new IOException(
            "no admin credential in " + dir.toAbsolutePath() + " (pass --admin-token)");
      }
      token = Files.readString(tokenFile).strip();
    }
    return new ArmClient(
        remote.orElse(server.path("endpoint").asText(null)),
        token,
        firstNonNull(subscription, server.path("subscriptionId").asText(null), null),
        firstNonNull(resourceGroup, server.path("resourceGroup").asText(null), "lazurite"),
        firstNonNull(account, server.path("account").asText(null), "lazurite"));
  }

  Path dataDirectory() {
    return settings().dataDir();
  }

  /** The flags over the process environment, read once. */
  private ClientConfig settings() {
    if (settings == null) {
      var flags = new HashMap<String, String>();
      flags.put(ClientConfig.DATA_DIR_FLAG, dataDir);
      flags.put(ClientConfig.ENDPOINT_FLAG, endpoint);
      flags.put(ClientConfig.ADMIN_TOKEN_FLAG, adminToken);
      settings = ClientConfig.load(flags, System::getenv);
    }
    return settings;
  }

  private static String firstNonNull(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }
}
