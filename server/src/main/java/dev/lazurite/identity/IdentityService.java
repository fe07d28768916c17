package dev.lazurite.identity;

import dev.lazurite.store.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Service principals with client secrets, managed identities and groups, and the tokens issued to
 * them. Secrets are shown once and stored only as hashes; a managed identity's {@code
 * IDENTITY_HEADER} is derived from a server secret, so it can be printed again for the processes
 * that run as it.
 */
public final class IdentityService {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _.-]{0,119}$");

  private final IdentityStore store;
  private final TokenIssuer issuer;
  private final byte[] headerKey;
  private final Clock clock;

  public IdentityService(IdentityStore store, TokenIssuer issuer, byte[] headerKey, Clock clock) {
    this.store = store;
    this.issuer = issuer;
    this.headerKey = headerKey.clone();
    this.clock = clock;
  }

  public TokenIssuer issuer() {
    return issuer;
  }

  public record CreatedPrincipal(ServicePrincipal principal, String secret) {}

  public synchronized CreatedPrincipal createServicePrincipal(String displayName) {
    checkName(displayName);
    if (store.servicePrincipals().stream().anyMatch(p -> p.displayName().equals(displayName))) {
      throw new IllegalArgumentException("a service principal named '" + displayName + "' exists");
    }
    var principal =
        new ServicePrincipal(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            displayName,
            clock.instant());
    store.insertServicePrincipal(principal);
    String secret = Secrets.newSecret();
    store.addClientSecret(
        principal.appId(),
        UUID.randomUUID().toString(),
        Secrets.hash(secret),
        secret.substring(0, 3));
    return new CreatedPrincipal(principal, secret);
  }

  public List<ServicePrincipal> servicePrincipals() {
    return store.servicePrincipals();
  }

  /** The principal whose id and secret these are; empty for an unknown app or a wrong secret. */
  public Optional<ServicePrincipal> authenticate(String appId, String secret) {
    Optional<ServicePrincipal> principal = store.servicePrincipal(appId);
    if (principal.isEmpty()) {
      return Optional.empty();
    }
    boolean matched = false;
    for (String hash : store.clientSecretHashes(appId)) {
      matched |= Secrets.matches(secret, hash);
    }
    return matched ? principal : Optional.empty();
  }

  public boolean knowsApp(String appId) {
    return store.servicePrincipal(appId).isPresent();
  }

  public synchronized ManagedIdentity createManagedIdentity(String name) {
    checkName(name);
    if (store.managedIdentities().stream().anyMatch(m -> m.name().equals(name))) {
      throw new IllegalArgumentException("a managed identity named '" + name + "' exists");
    }
    var identity =
        new ManagedIdentity(
            name, UUID.randomUUID().toString(), UUID.randomUUID().toString(), clock.instant());
    store.insertManagedIdentity(identity, Secrets.hash(identityHeader(identity)));
    return identity;
  }

  public List<ManagedIdentity> managedIdentities() {
    return store.managedIdentities();
  }

  public Optional<ManagedIdentity> managedIdentity(String name) {
    return store.managedIdentities().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The {@code IDENTITY_HEADER} value a process running as this identity presents. */
  public String identityHeader(ManagedIdentity identity) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(headerKey, "HmacSHA256"));
      byte[] tag = mac.doFinal(identity.clientId().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  public Optional<ManagedIdentity> managedIdentityByHeader(String header) {
    return store.managedIdentityByHeader(Secrets.hash(header));
  }

  public synchronized Group createGroup(String displayName) {
    checkName(displayName);
    var group = new Group(UUID.randomUUID().toString(), displayName, clock.instant());
    store.insertGroup(group);
    return group;
  }

  public List<Group> groups() {
    return store.groups();
  }

  public void addGroupMember(String groupId, String memberObjectId) {
    if (store.groups().stream().noneMatch(g -> g.objectId().equals(groupId))) {
      throw new IllegalArgumentException("no group with object id '" + groupId + "'");
    }
    store.addGroupMember(groupId, memberObjectId);
  }

  public TokenIssuer.Token tokenFor(String audience, String objectId, String appId) {
    return issuer.issue(audience, objectId, appId, store.groupsOf(objectId));
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "names are 1 to 120 letters, digits, spaces, '_', '.' and '-', starting with a letter or digit");
    }
  }
}
