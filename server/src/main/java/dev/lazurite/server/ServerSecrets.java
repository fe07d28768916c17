package dev.lazurite.server;

import dev.lazurite.tls.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Random server-side secrets kept owner-only in the data directory, made on first use. */
public final class ServerSecrets {
  private ServerSecrets() {}

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
