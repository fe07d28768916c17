package dev.lazurite.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseUrlTest {
  @TempDir Path dir;

  @Test
  void aPostgresUrlBecomesJdbcWithItsCredentialsApart() {
    var url =
        (DatabaseUrl.Postgres)
            DatabaseUrl.parse(
                "postgresql://lazurite:p%40ss%3Aword@db.internal:5433/azure?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/azure?sslmode=require");
    assertThat(url.user()).isEqualTo("lazurite");
    assertThat(url.password()).isEqualTo("p@ss:word");
    assertThat(url.toString()).doesNotContain("p@ss:word");
    assertThat(DatabaseUrl.parse("postgres://u@h/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h/d");
  }

  @Test
  void jdbcUrlsAreTakenAsGiven() {
    var postgres =
        (DatabaseUrl.Postgres)
            DatabaseUrl.parse("jdbc:postgresql://h:5432/d?user=u&password=secret");
    assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d?user=u&password=secret");
    assertThat(postgres.toString()).doesNotContain("secret");
    assertThat(DatabaseUrl.parse("jdbc:sqlite:/var/lib/lazurite/shared.db"))
        .isEqualTo(new DatabaseUrl.Sqlite(Path.of("/var/lib/lazurite/shared.db")));
  }

  @Test
  void anUnusableUrlIsRefusedWithoutEchoingItsPassword() {
    for (String bad :
        new String[] {
          "mysql://u:secret@h/d",
          "postgresql://u:secret@/d",
          "postgresql://u:secret@h",
          "jdbc:sqlite::memory:",
          ""
        }) {
      assertThatThrownBy(() -> DatabaseUrl.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--database-url")
          .hasMessageNotContaining("secret");
    }
  }

  @Test
  void theFlagBeatsTheEnvironmentWhichBeatsYamlWhichBeatsTheDataDirectory() throws Exception {
    Path yaml = dir.resolve("lazurite.yaml");
    Files.writeString(yaml, "databaseUrl: jdbc:sqlite:/from/yaml.db\n");
    var flags = new HashMap<String, String>();
    var environment = new HashMap<String, String>();
    assertThat(ConfigLoader.load(flags, environment, Optional.empty()).databaseUrl())
        .isEqualTo(new DatabaseUrl.Sqlite(Path.of("lazurite-data", "lazurite.db")));
    assertThat(ConfigLoader.load(flags, environment, Optional.of(yaml)).databaseUrl())
        .isEqualTo(new DatabaseUrl.Sqlite(Path.of("/from/yaml.db")));
    environment.put("LAZURITE_DATABASE_URL", "postgresql://u:p@env/d");
    assertThat(ConfigLoader.load(flags, environment, Optional.of(yaml)).databaseUrl().jdbcUrl())
        .isEqualTo("jdbc:postgresql://env/d");
    flags.put("databaseUrl", "postgresql://u:p@flag/d");
    assertThat(
            ConfigLoader.load(flags, Map.copyOf(environment), Optional.of(yaml))
                .databaseUrl()
                .jdbcUrl())
        .isEqualTo("jdbc:postgresql://flag/d");
  }
}
