package dev.lazurite.server;

import dev.lazurite.tls.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Random server-side secrets kept owner-only in the data directory, made on first use. */
public final class ServerSecrets {
  private ServerSecrets() {}

  /**
   * A random secret every instance on one store shares; a file of that name left in {@code
   * directory} by a single-instance data directory is taken over on first start.
   */
  public static byte[] shared(
      dev.lazurite.store.SharedSecrets secrets, Path directory, String name) {
    Path file = directory.resolve(name);
    String encoded =
        secrets.getOrCreate(
            name,
            () -> {
              try {
                byte[] secret;
                if (Files.exists(file)) {
                  secret = Files.readAllBytes(file);
                } else {
                  secret = new byte[32];
                  new SecureRandom().nextBytes(secret);
                }
                return java.util.Base64.getEncoder().encodeToString(secret);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    return java.util.Base64.getDecoder().decode(encoded);
  }

  public static byte[] loadOrCreate(Path directory, String name) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(name);
    if (Files.exists(file)) {
      return Files.readAllBytes(file);
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Files.write(file, secret);
    OwnerOnly.restrict(file);
    return secret;
  }
}
