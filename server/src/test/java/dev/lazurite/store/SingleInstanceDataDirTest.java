package dev.lazurite.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.identity.SigningKeys;
import dev.lazurite.identity.TokenIssuer;
import dev.lazurite.server.AdminCredential;
import dev.lazurite.server.LazuriteServer;
import dev.lazurite.server.ServerSecrets;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory in the single-instance layout (schema V1–V7, the admin token, the token signing
 * keys and the identity-header key as files) opens with everything it had: resources, keys,
 * identities and role assignments, and the credentials issued before keep working.
 */
class SingleInstanceDataDirTest {
  static final String CHAT =
      "/openai/deployments/legacy-chat/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  @Test
  void opensWithEveryResourceKeyAndIdentity(@TempDir Path dataDir) throws Exception {
    Path db = dataDir.resolve("lazurite.db");
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + db, "", "")
        .locations("classpath:db/migration/sqlite")
        .target("7")
        .load()
        .migrate();
    SecretBox box = SecretBox.fromFile(dataDir.resolve("master.key"));
    String key1 = "a".repeat(32);
    String key2 = "b".repeat(32);
    String subscription = "11111111-2222-3333-4444-555555555555";
    String tenant = "66666666-7777-8888-9999-000000000000";
    String objectId = "0b1ec7ed-0000-4000-8000-000000000001";
    String created = Instant.parse("2026-01-01T00:00:00Z").toString();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      execute(c, "INSERT INTO settings VALUES ('subscription-id', ?)", subscription);
      execute(c, "INSERT INTO settings VALUES ('tenant-id', ?)", tenant);
      execute(c, "INSERT INTO settings VALUES ('bootstrapped', ?)", created);
      execute(
          c,
          "INSERT INTO accounts (name, subscription_id, resource_group, location, kind, sku_name,"
              + " created_at) VALUES ('lazurite', ?, 'lazurite', 'eastus', 'OpenAI', 'S0', ?)",
          subscription,
          created);
      execute(c, "INSERT INTO account_keys VALUES ('lazurite', 'key1', ?)", box.seal(key1));
      execute(c, "INSERT INTO account_keys VALUES ('lazurite', 'key2', ?)", box.seal(key2));
      execute(
          c,
          "INSERT INTO deployments VALUES ('lazurite', 'legacy-chat', 'OpenAI', 'gpt-4o',"
              + " '2024-08-06', 'Standard', 10, ?, 'Microsoft.Default',"
              + " 'OnceNewDefaultVersionAvailable', ?)",
          dev.lazurite.json.Json.writeString(
              dev.lazurite.backend.BackendSpec.of(dev.lazurite.backend.BackendKind.SIMULATOR)),
          created);
      execute(
          c,
          "INSERT INTO service_principals VALUES ('app-1', ?, 'legacy-bot', ?)",
          objectId,
          created);
      execute(
          c,
          "INSERT INTO role_assignments VALUES ('ra-1', ?, ?, ?, ?)",
          objectId,
          "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
          "/subscriptions/" + subscription,
          created);
      execute(
          c,
          "INSERT INTO search_services VALUES ('legacy-search', ?, 'lazurite', 'eastus', 'basic',"
              + " ?, ?, ?, ?)",
          subscription,
          box.seal("p".repeat(52)),
          box.seal("s".repeat(52)),
          box.seal("q".repeat(52)),
          created);
    }
    String adminToken = AdminCredential.loadOrCreate(dataDir).token();
    Path identityDir = dataDir.resolve("identity");
    SigningKeys legacyKeys = SigningKeys.loadOrCreate(identityDir, Clock.systemUTC());
    byte[] headerKey = ServerSecrets.loadOrCreate(identityDir, "identity-header.key");
    String token =
        new TokenIssuer(legacyKeys, tenant, Clock.systemUTC())
            .issue("https://cognitiveservices.azure.com", objectId, "app-1", List.of())
            .accessToken();

    try (var server =
        LazuriteServer.start(
            ServerConfig.forTesting(dataDir),
            Clock.systemUTC(),
            UpstreamSecrets.NONE,
            TestingServer.shippedClassifier())) {
      assertThat(server.subscriptionId()).isEqualTo(subscription);
      assertThat(server.adminToken()).isEqualTo(adminToken);
      assertThat(server.defaultKeys().key1()).isEqualTo(key1);
      assertThat(server.control().accounts()).extracting(a -> a.name()).containsExactly("lazurite");
      assertThat(server.identities().servicePrincipals())
          .extracting(p -> p.objectId())
          .containsExactly(objectId);
      assertThat(server.control().roleAssignments())
          .extracting(a -> a.id())
          .containsExactly("ra-1");
      assertThat(server.store().searchServices().get("legacy-search").orElseThrow().queryKey())
          .isEqualTo("q".repeat(52));
      assertThat(server.store().secrets().getOrCreate("identity-header.key", () -> "other"))
          .isEqualTo(java.util.Base64.getEncoder().encodeToString(headerKey));

      var http = new TestingHttp(server.endpoint().toString(), key2);
      assertThat(http.post(CHAT, HELLO).status()).as("the stored key").isEqualTo(200);
      assertThat(http.send("POST", CHAT, HELLO, "Authorization", "Bearer " + token).status())
          .as("a token signed before the upgrade")
          .isEqualTo(200);
      assertThat(
              http.send(
                      "GET",
                      "/subscriptions/" + subscription + "?api-version=2022-12-01",
                      null,
                      "Authorization",
                      "Bearer " + adminToken)
                  .status())
          .as("the admin token")
          .isEqualTo(200);
    }
    assertThat(Files.readString(dataDir.resolve(AdminCredential.FILE)).strip())
        .isEqualTo(adminToken);
  }

  static void execute(Connection c, String sql, String... values) throws Exception {
    try (var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
