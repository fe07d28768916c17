package dev.lazurite.identity;

import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.control.event.ControlWriter;
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
 *
 * <p>Every change goes through the control plane's write path: checked and written in one
 * transaction that moves the snapshot version, then one control event. Nothing here is kept in
 * memory: every instance on the database reads secrets, identities and group memberships from the
 * store when it checks a secret or issues a token, so a change made through one instance holds on
 * all of them as soon as it commits.
 */
public final class IdentityService {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _.-]{0,119}$");

  private final IdentityStore store;
  private final ControlWriter writer;
  private final TokenIssuer issuer;
  private final byte[] headerKey;
  private final Clock clock;
  private final UserDirectory users;

  public IdentityService(
      IdentityStore store,
      ControlWriter writer,
      TokenIssuer issuer,
      byte[] headerKey,
      Clock clock) {
    this.store = store;
    this.writer = writer;
    this.issuer = issuer;
    this.headerKey = headerKey.clone();
    this.clock = clock;
    this.users = new UserDirectory(store, writer, clock);
  }

  /**
   * Records a one-time value (a sign-in form, a signed-out session) as used until it expires; false
   * when any instance used it before.
   */
  public boolean spendOnce(String id, String kind, java.time.Instant expiresAt) {
    return store.spend(id, kind, expiresAt);
  }

  /** Whether a one-time value is recorded as used. */
  public boolean spent(String id) {
    return store.spent(id);
  }

  /** The user principals, who sign in with a password. */
  public UserDirectory users() {
    return users;
  }

  public TokenIssuer issuer() {
    return issuer;
  }

  public record CreatedPrincipal(ServicePrincipal principal, String secret) {}

  public CreatedPrincipal createServicePrincipal(String displayName) {
    checkName(displayName);
    return writer.write(
        () -> {
          if (store.servicePrincipals().stream()
              .anyMatch(p -> p.displayName().equals(displayName))) {
            throw new IllegalArgumentException(
                "a service principal named '" + displayName + "' exists");
          }
          var principal =
              new ServicePrincipal(
                  UUID.randomUUID().toString(),
                  UUID.randomUUID().toString(),
                  displayName,
                  clock.instant());
          store.insertServicePrincipal(principal);
          String secret = newSecret(principal.appId()).secret();
          writer.committed(id(principal), ControlEvent.Operation.CREATE);
          return new CreatedPrincipal(principal, secret);
        });
  }

  /** A client secret as created: shown once, stored only as a hash. */
  public record CreatedSecret(String keyId, String secret) {}

  /** Adds a client secret to a service principal (az's {@code credential reset --append}). */
  public CreatedSecret addClientSecret(String appId) {
    return addClientSecret(appId, false);
  }

  /**
   * Adds a client secret to a service principal; with {@code replace}, its other secrets are
   * deleted in the same write (az's {@code credential reset} without {@code --append}).
   */
  public CreatedSecret addClientSecret(String appId, boolean replace) {
    return writer.write(
        () -> {
          ServicePrincipal principal = principal(appId);
          if (replace) {
            store.clientSecretIds(appId).forEach(id -> store.deleteClientSecret(appId, id));
          }
          CreatedSecret created = newSecret(appId);
          writer.committed(
              id(principal) + "/passwordCredentials/" + created.keyId(),
              ControlEvent.Operation.CREATE);
          return created;
        });
  }

  /** The key ids of a service principal's client secrets. */
  public List<String> clientSecretIds(String appId) {
    return store.clientSecretIds(principal(appId).appId());
  }

  /**
   * Removes a client secret: from the commit on, no instance issues a token for it.
   *
   * @throws IllegalArgumentException when the app or the secret is unknown
   */
  public void deleteClientSecret(String appId, String keyId) {
    writer.write(
        () -> {
          ServicePrincipal principal = principal(appId);
          if (!store.deleteClientSecret(appId, keyId)) {
            throw new IllegalArgumentException(
                "the service principal has no client secret with key id '" + keyId + "'");
          }
          writer.committed(
              id(principal) + "/passwordCredentials/" + keyId, ControlEvent.Operation.DELETE);
          return null;
        });
  }

  private CreatedSecret newSecret(String appId) {
    String secret = Secrets.newSecret();
    String keyId = UUID.randomUUID().toString();
    store.addClientSecret(appId, keyId, Secrets.hash(secret), secret.substring(0, 3));
    return new CreatedSecret(keyId, secret);
  }

  private ServicePrincipal principal(String appId) {
    return store
        .servicePrincipal(appId == null ? "" : appId)
        .orElseThrow(
            () -> new IllegalArgumentException("no service principal with app id '" + appId + "'"));
  }

  private static String id(ServicePrincipal principal) {
    return "/servicePrincipals/" + principal.objectId();
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

  public ManagedIdentity createManagedIdentity(String name) {
    checkName(name);
    return writer.write(
        () -> {
          if (store.managedIdentities().stream().anyMatch(m -> m.name().equals(name))) {
            throw new IllegalArgumentException("a managed identity named '" + name + "' exists");
          }
          var identity =
              new ManagedIdentity(
                  name,
                  UUID.randomUUID().toString(),
                  UUID.randomUUID().toString(),
                  clock.instant());
          store.insertManagedIdentity(identity, Secrets.hash(identityHeader(identity)));
          writer.committed(
              "/servicePrincipals/" + identity.principalId(), ControlEvent.Operation.CREATE);
          return identity;
        });
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

  public Group createGroup(String displayName) {
    checkName(displayName);
    return writer.write(
        () -> {
          var group = new Group(UUID.randomUUID().toString(), displayName, clock.instant());
          store.insertGroup(group);
          writer.committed("/groups/" + group.objectId(), ControlEvent.Operation.CREATE);
          return group;
        });
  }

  public List<Group> groups() {
    return store.groups();
  }

  /**
   * Adds a service principal, managed identity, user or group to a group: tokens issued from the
   * commit on, by any instance, name the group.
   *
   * @throws IllegalArgumentException when the group or the member is unknown
   */
  public void addGroupMember(String groupId, String memberObjectId) {
    writer.write(
        () -> {
          if (store.groups().stream().noneMatch(g -> g.objectId().equals(groupId))) {
            throw new IllegalArgumentException("no group with object id '" + groupId + "'");
          }
          if (!knowsObject(memberObjectId)) {
            throw new IllegalArgumentException(
                "no service principal, managed identity, user or group with object id '"
                    + memberObjectId
                    + "'");
          }
          store.addGroupMember(groupId, memberObjectId);
          writer.committed(
              "/groups/" + groupId + "/members/" + memberObjectId, ControlEvent.Operation.CREATE);
          return null;
        });
  }

  private boolean knowsObject(String objectId) {
    return store.servicePrincipals().stream().anyMatch(p -> p.objectId().equals(objectId))
        || store.managedIdentities().stream().anyMatch(m -> m.principalId().equals(objectId))
        || store.groups().stream().anyMatch(g -> g.objectId().equals(objectId))
        || store.userByObjectId(objectId).isPresent();
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
