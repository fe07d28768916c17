package dev.lazurite.testing;

import dev.lazurite.auth.TokenValidator;
import dev.lazurite.identity.Audiences;
import dev.lazurite.identity.SigningKeys;
import dev.lazurite.identity.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** A token issuer and the validator that trusts it, with keys in a temporary directory. */
public final class TestingTokens {
  public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  private final SigningKeys keys;
  private final TokenIssuer issuer;

  private TestingTokens(SigningKeys keys, Clock clock) {
    this.keys = keys;
    this.issuer = new TokenIssuer(keys, TENANT, clock);
  }

  public static TestingTokens create() {
    return create(Clock.systemUTC());
  }

  public static TestingTokens create(Clock clock) {
    try {
      return new TestingTokens(
          SigningKeys.loadOrCreate(Files.createTempDirectory("lazurite-keys"), clock), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same keys, issuing with another clock (for expired and not-yet-valid tokens). */
  public TokenIssuer issuerAt(Clock clock) {
    return new TokenIssuer(keys, TENANT, clock);
  }

  public SigningKeys keys() {
    return keys;
  }

  public TokenIssuer issuer() {
    return issuer;
  }

  public TokenValidator validator() {
    return new TokenValidator(
        keys.publicKeys(),
        issuer.issuer(),
        Set.of(Audiences.COGNITIVE_SERVICES, Audiences.COGNITIVE_SERVICES + "/"));
  }

  public String token(String objectId, List<String> groups) {
    return issuer
        .issue(Audiences.COGNITIVE_SERVICES, objectId, "app-" + objectId, groups)
        .accessToken();
  }
}
