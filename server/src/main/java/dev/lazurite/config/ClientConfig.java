package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the command line finds the server it manages, read once. For each setting the first of these
 * that is set wins: the command-line flag, the environment variable, the default. A blank variable
 * counts as unset, as it does for the server's settings.
 *
 * @param dataDir the local server's data directory, where its {@code server.json} and admin
 *     credential are ({@code --data-dir}, {@code LAZURITE_DATA_DIR}; default {@code
 *     ./lazurite-data})
 * @param endpoint a remote server's control-plane endpoint ({@code --endpoint}, {@code
 *     LAZURITE_ENDPOINT}); empty to use the local server's
 * @param adminToken a remote server's admin credential ({@code --admin-token}, {@code
 *     LAZURITE_ADMIN_TOKEN}); empty to read the local server's
 */
public record ClientConfig(Path dataDir, Optional<String> endpoint, Optional<String> adminToken) {
  public static final Path DEFAULT_DATA_DIR = Path.of("lazurite-data");

  /** The flag names {@link #load} reads from its flags. */
  public static final String DATA_DIR_FLAG = "dataDir";

  public static final String ENDPOINT_FLAG = "endpoint";
  public static final String ADMIN_TOKEN_FLAG = "adminToken";

  public ClientConfig {
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(adminToken, "adminToken is null");
  }

  /**
   * @param flags flag values given on the command line, keyed by {@link #DATA_DIR_FLAG} …; a
   *     missing or null value is not given
   * @param environment the value of an environment variable, or null when it is unset
   */
  public static ClientConfig load(Map<String, String> flags, Function<String, String> environment) {
    return new ClientConfig(
        setting(flags, DATA_DIR_FLAG, environment, "LAZURITE_DATA_DIR")
            .map(Path::of)
            .orElse(DEFAULT_DATA_DIR),
        setting(flags, ENDPOINT_FLAG, environment, "LAZURITE_ENDPOINT"),
        setting(flags, ADMIN_TOKEN_FLAG, environment, "LAZURITE_ADMIN_TOKEN"));
  }

  private static Optional<String> setting(
      Map<String, String> flags, String flag, Function<String, String> environment, String env) {
    String given = flags.get(flag);
    if (given != null) {
      return Optional.of(given);
    }
    return Optional.ofNullable(environment.apply(env)).filter(value -> !value.isBlank());
  }
}
