package dev.lazurite.server;

import dev.lazurite.tls.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local admin credential that protects the control plane: a random token in the data directory,
 * readable by its owner only. The command line reads it from there.
 */
public record AdminCredential(String token) {
  public static final String FILE = "admin-token";

  /** The check every admin route makes against this credential. */
  public dev.lazurite.server.edge.AdminGuard guard() {
    return new dev.lazurite.server.edge.AdminGuard(token);
  }

  @Override
  public String toString() {
    return "AdminCredential[redacted]";
  }

  /**
   * The credential every instance on one store shares, kept in the store and copied into this
   * instance's data directory for the command line. A data directory's existing token is taken over
   * on first start.
   */
  public static AdminCredential shared(dev.lazurite.store.SharedSecrets secrets, Path dataDir)
      throws IOException {
    Path file = dataDir.resolve(FILE);
    String token =
        secrets.getOrCreate(
            "admin-token",
            () -> {
              try {
                return Files.exists(file)
                    ? Files.readString(file, StandardCharsets.US_ASCII).strip()
                    : fresh();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    if (!Files.exists(file)
        || !Files.readString(file, StandardCharsets.US_ASCII).strip().equals(token)) {
      Files.writeString(file, token, StandardCharsets.US_ASCII);
      OwnerOnly.restrict(file);
    }
    return new AdminCredential(token);
  }

  private static String fresh() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static AdminCredential loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      return new AdminCredential(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.writeString(file, token, StandardCharsets.US_ASCII);
    OwnerOnly.restrict(file);
    return new AdminCredential(token);
  }
}
