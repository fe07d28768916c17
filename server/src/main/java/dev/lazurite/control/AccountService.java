package dev.lazurite.control;

import dev.lazurite.control.event.ChangeOrigin;
import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.store.ControlStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Accounts and their keys: creation with everything the request gives, updates, deletion and key
 * regeneration. Each write checks the whole request, writes, then publishes once.
 */
public final class AccountService {
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$");

  private final ControlStore store;
  private final Clock clock;
  private final ControlWrites writes;
  private final ControlPlane.Commits commits;

  AccountService(
      ControlStore store, Clock clock, ControlWrites writes, ControlPlane.Commits commits) {
    this.store = store;
    this.clock = clock;
    this.writes = writes;
    this.commits = commits;
  }

  public List<Account> accounts() {
    return store.accounts();
  }

  public Account account(String subscription, String resourceGroup, String name) {
    return store
        .account(name)
        .filter(a -> a.subscriptionId().equalsIgnoreCase(subscription))
        .filter(a -> a.resourceGroup().equalsIgnoreCase(resourceGroup))
        .orElseThrow(
            () ->
                ApiException.of(
                    ErrorCode.ARM_RESOURCE_NOT_FOUND,
                    "Microsoft.CognitiveServices/accounts/" + name,
                    resourceGroup));
  }

  /** Creates an account with fresh keys; returns false when it already existed (left as is). */
  public boolean createAccount(Account account) {
    return writes.run(
        () -> {
          checkAccountName(account.name());
          if (store.account(account.name()).isPresent()) {
            return false;
          }
          var origin = ChangeOrigin.current();
          store.insertAccount(
              account.withMetadata(
                  new AccountMetadata(
                      account.metadata().tags(),
                      account.metadata().customSubDomainName(),
                      newEtag(),
                      clock.instant(),
                      origin.actor(),
                      origin.actor())),
              AccountKeys.generate());
          commits.committed(account.armId(), ControlEvent.Operation.CREATE);
          return true;
        });
  }

  /** An account PUT: creates the account with everything asked, or applies it to the existing. */
  public record AccountWrite(Account account, boolean created) {}

  /**
   * Creates an account as asked (network rules, local auth, tags, subdomain), or applies the
   * request to the existing one; the whole request is checked before anything is stored.
   */
  public AccountWrite putAccount(
      String subscription, String resourceGroup, String name, AccountRequest request) {
    return writes.run(
        () -> {
          checkAccountName(name);
          var existing = store.account(name);
          if (existing.isPresent()) {
            Account current = account(subscription, resourceGroup, name);
            String location = request.location().orElse(current.location());
            if (!region(location).equals(region(current.location()))) {
              throw ApiException.of(
                  ErrorCode.ARM_INVALID_RESOURCE_LOCATION,
                  name,
                  current.location(),
                  current.resourceGroup(),
                  location);
            }
            // A PUT states the whole resource: tags it leaves out are removed.
            var replaced =
                new AccountRequest(
                    request.location(),
                    request.kind(),
                    request.skuName(),
                    java.util.Optional.of(request.tags().orElse(Map.of())),
                    request.disableLocalAuth(),
                    request.customSubDomainName(),
                    request.network());
            return new AccountWrite(update(current, replaced), false);
          }
          String location =
              request
                  .location()
                  .orElseThrow(
                      () ->
                          ApiException.of(
                              ErrorCode.ARM_INVALID_BODY,
                              "The location property is required for this definition."));
          var origin = ChangeOrigin.current();
          Instant now = clock.instant();
          var account =
              new Account(
                  name,
                  subscription,
                  resourceGroup,
                  location,
                  request.kind().orElse("OpenAI"),
                  request.skuName().orElse("S0"),
                  now,
                  request.disableLocalAuth().orElse(false),
                  request.network().apply(dev.lazurite.network.NetworkRules.OPEN),
                  new AccountMetadata(
                      request.tags().orElse(Map.of()),
                      request.customSubDomainName().orElse(""),
                      newEtag(),
                      now,
                      origin.actor(),
                      origin.actor()));
          store.insertAccount(account, AccountKeys.generate());
          commits.committed(account.armId(), ControlEvent.Operation.CREATE);
          return new AccountWrite(store.account(name).orElseThrow(), true);
        });
  }

  /**
   * An account PATCH: applies what the request gives (tags, local auth, network rules, SKU, a first
   * custom subdomain) in one write, after checking all of it.
   */
  public Account updateAccount(Account account, AccountRequest request) {
    return writes.run(
        () -> {
          return update(store.account(account.name()).orElse(account), request);
        });
  }

  private Account update(Account current, AccountRequest request) {
    if (request.kind().isPresent() && !request.kind().get().equalsIgnoreCase(current.kind())) {
      throw ApiException.of(ErrorCode.ARM_PROPERTY_CHANGE_NOT_ALLOWED, "kind");
    }
    String subdomain = current.metadata().customSubDomainName();
    if (request.customSubDomainName().isPresent()) {
      String asked = request.customSubDomainName().get();
      if (!subdomain.isEmpty() && !subdomain.equalsIgnoreCase(asked)) {
        throw ApiException.of(
            ErrorCode.ARM_PROPERTY_CHANGE_NOT_ALLOWED, "properties.customSubDomainName");
      }
      subdomain = subdomain.isEmpty() ? asked : subdomain;
    }
    var origin = ChangeOrigin.current();
    Account updated =
        current
            .withSkuName(request.skuName().orElse(current.skuName()))
            .withDisableLocalAuth(request.disableLocalAuth().orElse(current.disableLocalAuth()))
            .withNetwork(request.network().apply(current.network()))
            .withMetadata(
                new AccountMetadata(
                    request.tags().orElse(current.metadata().tags()),
                    subdomain,
                    newEtag(),
                    clock.instant(),
                    current.metadata().createdBy(),
                    origin.actor()));
    store.updateAccount(updated);
    commits.committed(current.armId(), ControlEvent.Operation.UPDATE);
    return store.account(current.name()).orElseThrow();
  }

  private static String region(String location) {
    return location.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
  }

  private static void checkAccountName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_NAME,
          "Resource name '%s' is invalid. It must be 2 to 64 characters of letters, digits, '_',"
                  .formatted(name)
              + " '.' and '-', starting with a letter or digit.");
    }
  }

  private static String newEtag() {
    return "\"" + java.util.UUID.randomUUID() + "\"";
  }

  /** Turns key authentication off or on for an account; takes effect for the next request. */
  public Account setDisableLocalAuth(Account account, boolean disabled) {
    return writes.run(
        () -> {
          return updateAccount(
              account,
              new AccountRequest(
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  java.util.Optional.of(disabled),
                  java.util.Optional.empty(),
                  NetworkRequest.UNCHANGED));
        });
  }

  /** Replaces an account's public network access and IP rules. */
  public Account setNetwork(Account account, dev.lazurite.network.NetworkRules rules) {
    return writes.run(
        () -> {
          return updateAccount(
              account,
              new AccountRequest(
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  new NetworkRequest(
                      java.util.Optional.of(rules.publicAccess()),
                      java.util.Optional.of(rules.denyByDefault()),
                      java.util.Optional.of(rules.ipRules()))));
        });
  }

  public void deleteAccount(Account account) {
    writes.run(
        () -> {
          if (store.deleteAccount(account.name())) {
            commits.committed(account.armId(), ControlEvent.Operation.DELETE);
          }
          return null;
        });
  }

  public AccountKeys keys(Account account) {
    return store.keys(account.name());
  }

  /** Regenerates {@code key1} or {@code key2} (any case); the old key stops working at once. */
  public AccountKeys regenerateKey(Account account, String keyName) {
    return writes.run(
        () -> {
          String slot = keyName.toLowerCase(java.util.Locale.ROOT);
          if (!slot.equals("key1") && !slot.equals("key2")) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY,
                "The keyName '%s' is invalid. Allowed values are 'Key1' and 'Key2'."
                    .formatted(keyName));
          }
          store.updateKey(account.name(), slot, AccountKeys.newKey());
          commits.committed(account.armId(), ControlEvent.Operation.ACTION);
          return store.keys(account.name());
        });
  }
}
