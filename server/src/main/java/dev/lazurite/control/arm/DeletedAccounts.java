package dev.lazurite.control.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.Account;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.network.Cidr;
import dev.lazurite.network.NetworkRules;
import dev.lazurite.rbac.LiveScopes;
import dev.lazurite.safety.Blocklist;
import dev.lazurite.safety.RaiPolicy;
import dev.lazurite.store.ControlStore;
import dev.lazurite.store.DeletedAccount;
import dev.lazurite.store.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Soft delete as Azure does it for Cognitive Services accounts: a deleted account is kept for 48
 * hours with its keys, deployments and content filters, its name stays taken, and a {@code PUT}
 * with {@code properties.restore: true} brings it back; purging forgets it at once. Role
 * assignments at or below the account go with the account (they are not restored).
 */
public final class DeletedAccounts {
  /** How long Azure keeps a deleted account before purging it. */
  public static final Duration RETENTION = Duration.ofHours(48);

  private final ControlStore store;
  private final IdentityStore identities;
  private final Clock clock;
  private final Runnable publish;

  /**
   * @param publish rebuilds the data plane's snapshot after a restore
   */
  public DeletedAccounts(
      ControlStore store, IdentityStore identities, Clock clock, Runnable publish) {
    this.store = store;
    this.identities = identities;
    this.clock = clock;
    this.publish = publish;
  }

  /** Keeps an account that is about to be deleted, and drops the role assignments at it. */
  public synchronized void keep(Account account) {
    Instant now = clock.instant();
    store
        .deletedAccounts()
        .keep(
            new DeletedAccount(
                account.name(),
                account.subscriptionId(),
                account.resourceGroup(),
                account.location(),
                account.kind(),
                account.skuName(),
                now,
                now.plus(RETENTION),
                Json.writeString(contents(account))));
    LiveScopes.dropAssignmentsAt(identities, account.armId());
  }

  /** The deleted accounts of a subscription that are not yet purged. */
  public List<DeletedAccount> list(String subscription) {
    return live().stream().filter(d -> d.subscriptionId().equalsIgnoreCase(subscription)).toList();
  }

  /** A deleted account by where it lived, else ARM's 404. */
  public DeletedAccount get(String subscription, String location, String group, String name) {
    return live().stream()
        .filter(d -> d.name().equalsIgnoreCase(name))
        .filter(d -> d.subscriptionId().equalsIgnoreCase(subscription))
        .filter(d -> d.resourceGroup().equalsIgnoreCase(group))
        .filter(d -> normalized(d.location()).equals(normalized(location)))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.of(
                    ErrorCode.ARM_RESOURCE_NOT_FOUND,
                    "Microsoft.CognitiveServices/locations/%s/resourceGroups/%s/deletedAccounts/%s"
                        .formatted(location, group, name),
                    group));
  }

  /** Forgets a deleted account for good, else ARM's 404. */
  public synchronized void purge(String subscription, String location, String group, String name) {
    store.deletedAccounts().purge(get(subscription, location, group, name).name());
  }

  /**
   * What a {@code PUT} of an account must do first: nothing when an account of that name exists or
   * no deleted account has the name; restore it when the request asks to (and it lived at the same
   * place); else ARM's 409 {@code FlagMustBeSetForRestore}.
   *
   * @return whether the account was restored
   */
  public synchronized boolean beforeCreate(
      String subscription, String group, String name, boolean restore) {
    if (store.account(name).isPresent()) {
      return false;
    }
    Optional<DeletedAccount> deleted =
        live().stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    if (deleted.isEmpty()) {
      return false;
    }
    DeletedAccount d = deleted.get();
    boolean samePlace =
        d.subscriptionId().equalsIgnoreCase(subscription)
            && d.resourceGroup().equalsIgnoreCase(group);
    if (!restore || !samePlace) {
      throw ApiException.of(
          ErrorCode.ARM_FLAG_MUST_BE_SET_FOR_RESTORE,
          "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.CognitiveServices/accounts/%s"
              .formatted(d.subscriptionId(), d.resourceGroup(), d.name()));
    }
    restore(d);
    return true;
  }

  private void restore(DeletedAccount d) {
    JsonNode contents = Json.read(d.contents(), JsonNode.class);
    JsonNode settings = contents.path("account");
    List<Cidr> rules = new ArrayList<>();
    settings.path("ipRules").forEach(r -> rules.add(Cidr.parse(r.asText())));
    Account account =
        new Account(
            d.name(),
            d.subscriptionId(),
            d.resourceGroup(),
            d.location(),
            d.kind(),
            d.skuName(),
            Instant.parse(settings.path("createdAt").asText()),
            settings.path("disableLocalAuth").asBoolean(),
            new NetworkRules(
                settings.path("publicNetworkAccess").asBoolean(true),
                settings.path("denyByDefault").asBoolean(false),
                rules));
    store.insertAccount(
        account,
        new AccountKeys(
            contents.path("keys").path("key1").asText(),
            contents.path("keys").path("key2").asText()));
    store.updateAccount(account);
    for (JsonNode policy : contents.path("raiPolicies")) {
      store.rai().putPolicy(account.name(), Json.MAPPER.convertValue(policy, RaiPolicy.class));
    }
    for (JsonNode node : contents.path("blocklists")) {
      Blocklist blocklist = Json.MAPPER.convertValue(node, Blocklist.class);
      store.rai().putBlocklist(account.name(), blocklist.name(), blocklist.description());
      blocklist.items().forEach(i -> store.rai().putItem(account.name(), blocklist.name(), i));
    }
    for (JsonNode deployment : contents.path("deployments")) {
      store.upsertDeployment(Json.MAPPER.convertValue(deployment, Deployment.class));
    }
    store.deletedAccounts().purge(d.name());
    publish.run();
  }

  private ObjectNode contents(Account account) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    ObjectNode settings = node.putObject("account");
    settings.put("createdAt", account.createdAt().toString());
    settings.put("disableLocalAuth", account.disableLocalAuth());
    settings.put("publicNetworkAccess", account.network().publicAccess());
    settings.put("denyByDefault", account.network().denyByDefault());
    account.network().ipRules().forEach(r -> settings.withArray("ipRules").add(r.toString()));
    AccountKeys keys = store.keys(account.name());
    node.putObject("keys").put("key1", keys.key1()).put("key2", keys.key2());
    node.set("deployments", Json.MAPPER.valueToTree(store.deployments(account.name())));
    node.set(
        "raiPolicies",
        Json.MAPPER.valueToTree(
            store.rai().policies(account.name()).stream()
                .filter(p -> !p.type().equals("SystemManaged"))
                .toList()));
    node.set("blocklists", Json.MAPPER.valueToTree(store.rai().blocklists(account.name())));
    return node;
  }

  /** The deleted accounts still kept; those past their purge time are purged now. */
  private List<DeletedAccount> live() {
    Instant now = clock.instant();
    List<DeletedAccount> kept = new ArrayList<>();
    for (DeletedAccount d : store.deletedAccounts().all()) {
      if (now.isBefore(d.purgeAt())) {
        kept.add(d);
      } else {
        store.deletedAccounts().purge(d.name());
      }
    }
    return kept;
  }

  private static String normalized(String location) {
    return location.toLowerCase(Locale.ROOT).replace(" ", "");
  }
}
