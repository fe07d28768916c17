package dev.lazurite.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line's client settings: every default, every variable, and flags over both. */
class ClientConfigMappingTest {
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "LAZURITE_DATA_DIR", "/srv/lazurite",
          "LAZURITE_ENDPOINT", "https://lazurite.example.test:8443",
          "LAZURITE_ADMIN_TOKEN", "environment-token");

  @Test
  void everyDefault() {
    assertThat(ClientConfig.load(Map.of(), name -> null))
        .isEqualTo(new ClientConfig(Path.of("lazurite-data"), Optional.empty(), Optional.empty()));
  }

  @Test
  void everySettingFromTheEnvironment() {
    assertThat(ClientConfig.load(Map.of(), ENVIRONMENT::get))
        .isEqualTo(
            new ClientConfig(
                Path.of("/srv/lazurite"),
                Optional.of("https://lazurite.example.test:8443"),
                Optional.of("environment-token")));
  }

  @Test
  void flagsWinOverTheEnvironment() {
    Map<String, String> flags =
        Map.of(
            ClientConfig.DATA_DIR_FLAG, "/tmp/other",
            ClientConfig.ENDPOINT_FLAG, "http://127.0.0.1:8080",
            ClientConfig.ADMIN_TOKEN_FLAG, "flag-token");
    assertThat(ClientConfig.load(flags, ENVIRONMENT::get))
        .isEqualTo(
            new ClientConfig(
                Path.of("/tmp/other"),
                Optional.of("http://127.0.0.1:8080"),
                Optional.of("flag-token")));
  }

  @Test
  void aFlagNotGivenLeavesTheEnvironmentsValue() {
    var flags = new HashMap<String, String>();
    flags.put(ClientConfig.DATA_DIR_FLAG, null);
    flags.put(ClientConfig.ADMIN_TOKEN_FLAG, "flag-token");
    assertThat(ClientConfig.load(flags, ENVIRONMENT::get))
        .isEqualTo(
            new ClientConfig(
                Path.of("/srv/lazurite"),
                Optional.of("https://lazurite.example.test:8443"),
                Optional.of("flag-token")));
  }

  @Test
  void aBlankVariableIsUnset() {
    Map<String, String> blank =
        Map.of("LAZURITE_DATA_DIR", " ", "LAZURITE_ENDPOINT", "", "LAZURITE_ADMIN_TOKEN", "\t");
    assertThat(ClientConfig.load(Map.of(), blank::get))
        .isEqualTo(new ClientConfig(Path.of("lazurite-data"), Optional.empty(), Optional.empty()));
  }
}
