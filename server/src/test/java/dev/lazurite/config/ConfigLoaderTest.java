package dev.lazurite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.metering.UsageDurability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsToLoopbackPortsAndALocalDataDirectory() throws Exception {
    ServerConfig config = ConfigLoader.load(Map.of(), Map.of(), Optional.empty());
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.httpsPort()).isEqualTo(8443);
    assertThat(config.dataDir()).isEqualTo(Path.of("lazurite-data"));
    assertThat(config.simulator().timeToFirstToken()).isEqualTo(Duration.ZERO);
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsYamlWhichBeatsDefaults() throws Exception {
    Path yaml = dir.resolve("lazurite.yaml");
    Files.writeString(
        yaml,
        """
        host: 0.0.0.0
        port: 9000
        httpsPort: 9443
        region: westeurope
        tlsHosts: [api.example.test, 10.0.0.5]
        simulator:
          timeToFirstTokenMs: 250
          perTokenMs: 20
        """);
    Map<String, String> env = Map.of("LAZURITE_PORT", "9100", "LAZURITE_REGION", "swedencentral");
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "9200");
    ServerConfig config = ConfigLoader.load(flags, env, Optional.of(yaml));
    assertThat(config.port()).isEqualTo(9200);
    assertThat(config.region()).isEqualTo("swedencentral");
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.httpsPort()).isEqualTo(9443);
    assertThat(config.tlsHosts()).containsExactly("api.example.test", "10.0.0.5");
    assertThat(config.simulator().timeToFirstToken()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.simulator().perToken()).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void readsTheConfigFileNamedByTheEnvironment() throws Exception {
    Path yaml = dir.resolve("c.yaml");
    Files.writeString(yaml, "dataDir: /srv/lazurite\n");
    ServerConfig config =
        ConfigLoader.load(Map.of(), Map.of("LAZURITE_CONFIG", yaml.toString()), Optional.empty());
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/lazurite"));
  }

  @Test
  void rejectsNonNumbersAndOutOfRangePorts() {
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of(), Map.of("LAZURITE_PORT", "eighty"), Optional.empty()))
        .hasMessageContaining("LAZURITE_PORT) must be a number");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("port", "70000"), Map.of(), Optional.empty()))
        .hasMessageContaining("port must be 0..65535");
  }

  @Test
  void usageDurabilityIsAsyncUnlessStrictIsAskedFor() throws Exception {
    Path yaml = dir.resolve("durable.yaml");
    Files.writeString(yaml, "usageDurability: strict\n");
    assertThat(ConfigLoader.load(Map.of(), Map.of(), Optional.empty()).usageDurability())
        .isEqualTo(UsageDurability.ASYNC);
    assertThat(ConfigLoader.load(Map.of(), Map.of(), Optional.of(yaml)).usageDurability())
        .isEqualTo(UsageDurability.STRICT);
    assertThat(
            ConfigLoader.load(
                    Map.of("usageDurability", "async"),
                    Map.of("LAZURITE_USAGE_DURABILITY", "STRICT"),
                    Optional.of(yaml))
                .usageDurability())
        .isEqualTo(UsageDurability.ASYNC);
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(), Map.of("LAZURITE_USAGE_DURABILITY", "fsync"), Optional.empty()))
        .hasMessageContaining("must be 'async' or 'strict'");
  }
}
