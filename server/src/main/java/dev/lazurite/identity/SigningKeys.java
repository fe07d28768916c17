package dev.lazurite.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.lazurite.store.SharedSecrets;
import dev.lazurite.tls.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The token service's RSA signing keys, kept owner-only in the data directory. A new key is made
 * when the newest is older than the rotation period; the previous one stays published so that
 * tokens it signed still validate until they expire.
 */
public final class SigningKeys {
  static final Duration ROTATION = Duration.ofDays(30);
  private static final int KEPT = 2;

  private final JWKSet keys;

  private SigningKeys(JWKSet keys) {
    this.keys = keys;
  }

  public static SigningKeys loadOrCreate(Path directory, Clock clock) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve("signing-keys.json");
    List<RSAKey> keys = new ArrayList<>();
    if (Files.exists(file)) {
      try {
        JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8))
            .getKeys()
            .forEach(k -> keys.add(k.toRSAKey()));
      } catch (ParseException e) {
        throw new IOException("cannot read " + file, e);
      }
    }
    Instant now = clock.instant();
    if (keys.isEmpty()
        || keys.getFirst().getIssueTime().toInstant().isBefore(now.minus(ROTATION))) {
      keys.addFirst(generate(now));
      while (keys.size() > KEPT) {
        keys.removeLast();
      }
      Files.writeString(
          file, new JWKSet(List.copyOf(keys)).toString(false), StandardCharsets.UTF_8);
      OwnerOnly.restrict(file);
    }
    return new SigningKeys(new JWKSet(List.copyOf(keys)));
  }

  /**
   * The signing keys every instance on one store shares. A key set left in {@code legacyDirectory}
   * by a single-instance data directory is taken over on first start; rotation happens once, by
   * whichever instance finds the newest key too old.
   */
  public static SigningKeys shared(SharedSecrets secrets, Path legacyDirectory, Clock clock)
      throws IOException {
    Path legacy = legacyDirectory.resolve("signing-keys.json");
    String stored =
        secrets.getOrCreate(
            "signing-keys",
            () -> {
              try {
                return Files.exists(legacy)
                    ? Files.readString(legacy, StandardCharsets.UTF_8)
                    : new JWKSet(List.of(generate(clock.instant()))).toString(false);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Instant now = clock.instant();
    if (parse(stored).getFirst().getIssueTime().toInstant().isBefore(now.minus(ROTATION))) {
      stored =
          secrets.update(
              "signing-keys",
              current -> {
                List<RSAKey> keys = new ArrayList<>(parse(current));
                if (!keys.getFirst().getIssueTime().toInstant().isBefore(now.minus(ROTATION))) {
                  return current;
                }
                try {
                  keys.addFirst(generate(now));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                while (keys.size() > KEPT) {
                  keys.removeLast();
                }
                return new JWKSet(List.copyOf(keys)).toString(false);
              });
    }
    return new SigningKeys(new JWKSet(List.copyOf(parse(stored))));
  }

  private static List<RSAKey> parse(String json) {
    try {
      List<RSAKey> keys = new ArrayList<>();
      JWKSet.parse(json).getKeys().forEach(k -> keys.add(k.toRSAKey()));
      if (keys.isEmpty()) {
        throw new IllegalStateException("the shared signing key set is empty");
      }
      return keys;
    } catch (ParseException e) {
      throw new IllegalStateException("the shared signing key set cannot be read", e);
    }
  }

  private static RSAKey generate(Instant now) throws IOException {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .keyIDFromThumbprint(true)
          .issueTime(Date.from(now))
          .generate();
    } catch (JOSEException e) {
      throw new IOException("cannot generate a signing key", e);
    }
  }

  /** The key new tokens are signed with. */
  public RSAKey current() {
    return (RSAKey) keys.getKeys().getFirst();
  }

  /** The public keys, as the JWKS endpoint publishes them and validation uses them. */
  public JWKSet publicKeys() {
    return keys.toPublicJWKSet();
  }
}
