package dev.lazurite.identity;

import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.control.event.ControlWriter;
import dev.lazurite.store.IdentityStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * User principals: people who sign in to the portal (or any client of the authorization endpoint)
 * with a user principal name and a password. Passwords are stored only as PBKDF2 hashes (see {@link
 * Passwords}); role assignments name a user by its object id, as they name a service principal.
 *
 * <p>Changes go through the control plane's write path and are read from the store on every
 * sign-in, so a user created, changed or deleted through one instance holds on all of them.
 */
public final class UserDirectory {
  private static final Pattern UPN =
      Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}$");
  private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} _.'-]{0,119}$");

  private final IdentityStore store;
  private final ControlWriter writer;
  private final Clock clock;

  public UserDirectory(IdentityStore store, ControlWriter writer, Clock clock) {
    this.store = store;
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * Creates a user with a password.
   *
   * @throws IllegalArgumentException for a malformed name or password, or a principal name in use
   */
  public User create(String userPrincipalName, String displayName, String password) {
    if (userPrincipalName == null || !UPN.matcher(userPrincipalName).matches()) {
      throw new IllegalArgumentException(
          "A user principal name looks like an e-mail address: alias@domain, at most 255"
              + " characters.");
    }
    if (displayName == null || !NAME.matcher(displayName).matches()) {
      throw new IllegalArgumentException(
          "A display name is 1 to 120 letters, digits, spaces, '_', '.', ''' and '-', starting"
              + " with a letter or digit.");
    }
    Passwords.check(password);
    String hash = Passwords.hash(password);
    return writer.write(
        () -> {
          if (store.userByName(userPrincipalName).isPresent()) {
            throw new IllegalArgumentException(
                "A user with the principal name '" + userPrincipalName + "' exists.");
          }
          var user =
              new User(
                  UUID.randomUUID().toString(), userPrincipalName, displayName, clock.instant());
          store.insertUser(user, hash);
          writer.committed(id(user.objectId()), ControlEvent.Operation.CREATE);
          return user;
        });
  }

  public List<User> users() {
    return store.users();
  }

  public Optional<User> user(String objectId) {
    return store.userByObjectId(objectId == null ? "" : objectId);
  }

  /**
   * Replaces a user's password.
   *
   * @throws IllegalArgumentException for an unknown user or a malformed password
   */
  public void setPassword(String objectId, String password) {
    Passwords.check(password);
    String hash = Passwords.hash(password);
    writer.write(
        () -> {
          if (!store.setPasswordHash(objectId, hash)) {
            throw new IllegalArgumentException("No user with object id '" + objectId + "'.");
          }
          writer.committed(id(objectId) + "/password", ControlEvent.Operation.UPDATE);
          return null;
        });
  }

  /** Deletes a user and its group memberships; whether there was one. */
  public boolean delete(String objectId) {
    return writer.write(
        () -> {
          boolean deleted = store.deleteUser(objectId);
          if (deleted) {
            writer.committed(id(objectId), ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }

  /**
   * The user these credentials sign in; empty for an unknown name or a wrong password, which take
   * as long as each other and are not told apart.
   */
  public Optional<User> authenticate(String userPrincipalName, String password) {
    if (password.length() > Passwords.MAX_LENGTH) {
      return Optional.empty();
    }
    Optional<User> user = store.userByName(userPrincipalName);
    if (user.isEmpty()) {
      Passwords.decoy(password);
      return Optional.empty();
    }
    String hash = store.passwordHash(user.get().objectId()).orElse("");
    return Passwords.matches(password, hash) ? user : Optional.empty();
  }

  /** The object ids of the groups a user belongs to. */
  public List<String> groupsOf(String objectId) {
    return store.groupsOf(objectId);
  }

  private static String id(String objectId) {
    return "/users/" + objectId;
  }
}
