package dev.lazurite.server;

import dev.lazurite.auth.TokenValidator;
import dev.lazurite.auth.TrustedIssuers;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.identity.Audiences;
import dev.lazurite.identity.AuthorizationCodes;
import dev.lazurite.identity.AuthorizeEndpoint;
import dev.lazurite.identity.IdentityAdminHandler;
import dev.lazurite.identity.IdentityService;
import dev.lazurite.identity.SigningKeys;
import dev.lazurite.identity.TokenEndpoints;
import dev.lazurite.identity.TokenIssuer;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The identity provider: the token issuer (signing keys shared by every instance on the store), the
 * identity directory, its token endpoints and management API, and the token validators each
 * audience's API checks bearer tokens with.
 */
public final class IdentityWiring {
  private final TokenIssuer issuer;
  private final IdentityService identities;
  private final TokenValidator dataPlaneTokens;
  private final TokenEndpoints tokenEndpoints;
  private final IdentityAdminHandler admin;
  private final AuthorizationCodes codes;
  private final AuthorizeEndpoint authorize;

  /**
   * @param plainEndpoint the HTTP listener's URL, printed in a managed identity's environment
   */
  public IdentityWiring(
      ServerConfig config, Clock clock, Foundation foundation, Supplier<String> plainEndpoint)
      throws IOException {
    var store = foundation.store();
    // Instances on one store share the token signing keys and identity header secret; files a
    // single-instance data directory holds are taken over on first start.
    Path identityDir = config.dataDir().resolve("identity");
    this.issuer =
        new TokenIssuer(
            SigningKeys.shared(store.secrets(), identityDir, clock),
            Bootstrap.tenantId(store),
            clock);
    this.identities =
        new IdentityService(
            store.identity(),
            foundation.control().writer(),
            issuer,
            ServerSecrets.shared(store.secrets(), identityDir, "identity-header.key"),
            clock);
    var trusts = new ArrayList<TokenValidator.Trust>();
    trusts.add(
        TokenValidator.Trust.own(
            issuer.publicKeys(),
            issuer.issuer(),
            Set.of(Audiences.COGNITIVE_SERVICES, Audiences.COGNITIVE_SERVICES + "/")));
    trusts.addAll(
        TrustedIssuers.parse(
            config.identity().trustedIssuers().orElse(null), foundation.backends().outbound()));
    this.dataPlaneTokens = new TokenValidator(trusts, 10_000);
    byte[] authorizationKey =
        ServerSecrets.shared(store.secrets(), identityDir, "authorization.key");
    this.codes = new AuthorizationCodes(authorizationKey, store.identity(), clock);
    this.authorize = new AuthorizeEndpoint(identities, codes, authorizationKey, clock);
    this.tokenEndpoints = new TokenEndpoints(identities, codes);
    this.admin = new IdentityAdminHandler(identities, foundation.admin().guard(), plainEndpoint);
  }

  /** Registers the token endpoints and the identity management API. */
  public void routing(HttpRouting.Builder routing) {
    admin.routing(routing);
    tokenEndpoints.routing(routing);
    authorize.routing(routing);
  }

  /** The authorization codes the authorization endpoint issues, for the portal's sign-in. */
  public AuthorizationCodes codes() {
    return codes;
  }

  public IdentityService identities() {
    return identities;
  }

  public TokenIssuer issuer() {
    return issuer;
  }

  /** Validates data-plane tokens: this server's own and those of the trusted issuers. */
  public TokenValidator dataPlaneTokens() {
    return dataPlaneTokens;
  }

  /** A validator for tokens this server issued for {@code audiences}. */
  public TokenValidator ownTokens(Set<String> audiences) {
    return new TokenValidator(issuer.publicKeys(), issuer.issuer(), audiences);
  }
}
