package dev.lazurite.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSecret;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.FaultInjection;
import dev.lazurite.batch.BatchLine;
import dev.lazurite.control.Account;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.files.FileObject;
import dev.lazurite.files.FilePurpose;
import dev.lazurite.files.FileStatus;
import dev.lazurite.identity.Group;
import dev.lazurite.identity.ManagedIdentity;
import dev.lazurite.identity.ServicePrincipal;
import dev.lazurite.metering.UsageRecord;
import dev.lazurite.network.Cidr;
import dev.lazurite.network.NetworkRules;
import dev.lazurite.network.PrivateEndpoint;
import dev.lazurite.rbac.RoleAssignment;
import dev.lazurite.routing.NamedBackend;
import dev.lazurite.safety.Blocklist;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.store.jdbi.JdbiStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, whatever the database: run by a subclass per database (SQLite,
 * PostgreSQL), each on an empty database.
 */
abstract class StoreContractTest {
  static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  static final SecretBox BOX = box();

  JdbiStore store;

  /** A store on a fresh, empty database. */
  abstract JdbiStore open(SecretBox secrets) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open(BOX);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static SecretBox box() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretBox(key);
  }

  static Account account(String name) {
    return Account.create(name, "sub", "rg", "eastus", "OpenAI", "S0", T);
  }

  static Deployment deployment(String account, String name) {
    return new Deployment(
        account,
        name,
        new Deployment.ModelRef("OpenAI", "gpt-4o", "2024-08-06"),
        new Deployment.Sku("GlobalStandard", 100),
        BackendSpec.of(BackendKind.SIMULATOR),
        "Microsoft.Default",
        "OnceNewDefaultVersionAvailable",
        T);
  }

  @Test
  void operatorCatalogModelsRoundTrip() {
    var chat =
        new dev.lazurite.catalog.ModelSpec(
            "mistral-large",
            "2411",
            "Mistral",
            java.util.Set.of(dev.lazurite.catalog.ModelKind.CHAT),
            dev.lazurite.catalog.Encoding.CL100K_BASE,
            131_072,
            8_192,
            0,
            false,
            "mistral-large");
    var embed =
        new dev.lazurite.catalog.ModelSpec(
            "e5-large",
            "1",
            "Microsoft",
            java.util.Set.of(dev.lazurite.catalog.ModelKind.EMBEDDINGS),
            dev.lazurite.catalog.Encoding.O200K_BASE,
            512,
            0,
            1_024,
            false,
            "e5-large");
    assertThat(store.models().add(chat)).isTrue();
    assertThat(store.models().add(embed)).isTrue();
    assertThat(store.models().add(chat)).isFalse();
    assertThat(store.models().models()).containsExactly(embed, chat);
    assertThat(store.models().delete("e5-large")).isTrue();
    assertThat(store.models().delete("e5-large")).isFalse();
    assertThat(store.models().models()).containsExactly(chat);
  }

  @Test
  void accountsKeysAndNetworkRulesRoundTrip() {
    store.insertAccount(account("b"), new AccountKeys("k1-b", "k2-b"));
    store.insertAccount(account("a"), new AccountKeys("k1-a", "k2-a"));
    assertThat(store.accounts()).extracting(Account::name).containsExactly("a", "b");
    assertThat(store.keys("a")).isEqualTo(new AccountKeys("k1-a", "k2-a"));

    var rules = new NetworkRules(false, true, List.of(Cidr.parse("10.0.0.0/8")));
    store.updateAccount(account("a").withDisableLocalAuth(true).withNetwork(rules));
    Account stored = store.account("a").orElseThrow();
    assertThat(stored.disableLocalAuth()).isTrue();
    assertThat(stored.network()).isEqualTo(rules);

    store.updateKey("a", "key2", "k2-new");
    assertThat(store.keys("a").key2()).isEqualTo("k2-new");
    assertThatThrownBy(() -> store.insertAccount(account("a"), new AccountKeys("x", "y")))
        .isInstanceOf(RuntimeException.class);

    assertThat(store.deleteAccount("a")).isTrue();
    assertThat(store.deleteAccount("a")).isFalse();
    assertThat(store.account("a")).isEmpty();
    assertThat(store.keys("a")).isEqualTo(new AccountKeys("", ""));
  }

  @Test
  void deploymentsArePerAccountAndGoWithIt() {
    store.insertAccount(account("a"), new AccountKeys("1", "2"));
    store.upsertDeployment(deployment("a", "d2"));
    store.upsertDeployment(deployment("a", "d1"));
    var changed =
        new Deployment(
            "a",
            "d1",
            new Deployment.ModelRef("OpenAI", "gpt-4o", "2024-08-06"),
            new Deployment.Sku("Standard", 7),
            BackendSpec.of(BackendKind.SIMULATOR),
            "custom",
            "NoAutoUpgrade",
            T);
    store.upsertDeployment(changed);
    assertThat(store.deployments("a")).extracting(Deployment::name).containsExactly("d1", "d2");
    assertThat(store.deployment("a", "d1")).contains(changed);
    assertThat(store.deleteDeployment("a", "d2")).isTrue();
    assertThat(store.deleteDeployment("a", "d2")).isFalse();
    store.deleteAccount("a");
    assertThat(store.deployments("a")).isEmpty();
  }

  @Test
  void privateEndpointsAndSettings() {
    store.insertAccount(account("a"), new AccountKeys("1", "2"));
    var endpoint =
        new PrivateEndpoint(
            "a", "pe", "127.0.0.2", 9443, Optional.of(Cidr.parse("10.1.0.0/16")), T);
    store.insertPrivateEndpoint(endpoint);
    assertThat(store.privateEndpoints()).containsExactly(endpoint);
    assertThat(store.deletePrivateEndpoint("a", "pe")).isTrue();
    assertThat(store.privateEndpoints()).isEmpty();

    assertThat(store.setting("s")).isEmpty();
    store.putSetting("s", "1");
    store.putSetting("s", "2");
    assertThat(store.setting("s")).contains("2");
    assertThat(store.settingIfAbsent("t", "first")).isEqualTo("first");
    assertThat(store.settingIfAbsent("t", "second")).isEqualTo("first");
  }

  @Test
  void poolsKeepTheirOrderAndSecretsAreSealed() {
    store.insertAccount(account("a"), new AccountKeys("1", "2"));
    store.upsertDeployment(deployment("a", "d"));
    var backend =
        new NamedBackend(
            "a",
            "east",
            BackendSpec.of(BackendKind.SIMULATOR),
            "eastus",
            1,
            2,
            FaultInjection.NONE,
            new BackendSecret("upstream-secret"),
            T);
    store.pools().upsertBackend(backend);
    store
        .pools()
        .upsertBackend(
            new NamedBackend(
                "a",
                "west",
                BackendSpec.of(BackendKind.SIMULATOR),
                "westus",
                2,
                1,
                FaultInjection.NONE,
                BackendSecret.NONE,
                T));
    assertThat(store.pools().backends("a")).contains(backend).hasSize(2);
    store.pools().setPool("a", "d", List.of("west", "east"));
    assertThat(store.pools().pool("a", "d")).containsExactly("west", "east");
    store.pools().setPool("a", "d", List.of("east"));
    assertThat(store.pools().pool("a", "d")).containsExactly("east");
    assertThat(store.pools().deleteBackend("a", "west")).isTrue();
    assertThat(store.pools().backends("a")).containsExactly(backend);
  }

  @Test
  void contentFilterPoliciesAndBlocklists() {
    store.insertAccount(account("a"), new AccountKeys("1", "2"));
    var policy = dev.lazurite.safety.RaiPolicy.builtIn("Microsoft.DefaultV2");
    assertThat(store.rai().putPolicy("a", policy)).isTrue();
    assertThat(store.rai().putPolicy("a", policy)).isFalse();
    assertThat(store.rai().policies("a")).hasSize(1);
    assertThat(store.rai().putBlocklist("a", "bl", "words")).isTrue();
    assertThat(store.rai().putBlocklist("a", "bl", "other words")).isFalse();
    assertThat(store.rai().putItem("a", "bl", new Blocklist.Item("i1", "bad", false))).isTrue();
    assertThat(store.rai().putItem("a", "bl", new Blocklist.Item("i1", "b.d", true))).isFalse();
    assertThat(store.rai().blocklist("a", "bl"))
        .contains(
            new Blocklist("bl", "other words", List.of(new Blocklist.Item("i1", "b.d", true))));
    assertThat(store.rai().deleteItem("a", "bl", "i1")).isTrue();
    assertThat(store.rai().deleteBlocklist("a", "bl")).isTrue();
    assertThat(store.rai().deletePolicy("a", policy.name())).isTrue();
    assertThat(store.rai().blocklists("a")).isEmpty();
  }

  @Test
  void identitiesGroupsAndRoleAssignments() {
    var principal = new ServicePrincipal("app", "obj", "ci-bot", T);
    store.identity().insertServicePrincipal(principal);
    store.identity().addClientSecret("app", "k1", "hash1", "abc");
    assertThat(store.identity().servicePrincipal("app")).contains(principal);
    assertThat(store.identity().clientSecretHashes("app")).containsExactly("hash1");
    store.identity().addClientSecret("app", "k2", "hash2", "def");
    assertThat(store.identity().clientSecretIds("app")).containsExactlyInAnyOrder("k1", "k2");
    assertThat(store.identity().deleteClientSecret("app", "k2")).isTrue();
    assertThat(store.identity().deleteClientSecret("app", "k2")).isFalse();
    assertThat(store.identity().deleteClientSecret("other-app", "k1")).isFalse();
    assertThat(store.identity().clientSecretHashes("app")).containsExactly("hash1");
    var identity = new ManagedIdentity("mi", "client", "principal", T);
    store.identity().insertManagedIdentity(identity, "header-hash");
    assertThat(store.identity().managedIdentityByHeader("header-hash")).contains(identity);
    assertThat(store.identity().managedIdentityByHeader("other")).isEmpty();
    store.identity().insertGroup(new Group("g", "team", T));
    store.identity().addGroupMember("g", "obj");
    store.identity().addGroupMember("g", "obj");
    assertThat(store.identity().groupsOf("obj")).containsExactly("g");
    var assignment = new RoleAssignment("ra", "obj", "role", "/subscriptions/sub", T);
    store.identity().insertRoleAssignment(assignment);
    assertThat(store.identity().roleAssignments()).containsExactly(assignment);
    assertThat(store.identity().deleteRoleAssignment("ra")).isTrue();
    assertThat(store.identity().deleteRoleAssignment("ra")).isFalse();
  }

  @Test
  void searchServicesAndUsage() {
    var service =
        new SearchService(
            "s",
            "sub",
            "rg",
            "eastus",
            "basic",
            "p",
            "q",
            "r",
            T,
            new dev.lazurite.searchservice.SearchNetwork(
                false, List.of(dev.lazurite.network.Cidr.parse("10.1.0.0/16")), List.of()));
    store.searchServices().put(service);
    assertThat(store.searchServices().get("s")).contains(service);
    assertThat(store.searchServices().list()).containsExactly(service);
    assertThat(store.searchServices().delete("s")).isTrue();
    assertThat(store.searchServices().get("s")).isEmpty();

    store.append(
        List.of(
            new UsageRecord(T, "r1", "a", "d", "gpt-4o", "chat", "key1", 10, 5, 200, 1.5, false),
            new UsageRecord(T, "r2", "a", "d", "gpt-4o", "chat", "key1", 3, 0, 429, 0.5, true),
            new UsageRecord(T, "r3", "b", "d", "gpt-4o", "chat", "key1", 1, 1, 200, 0.5, true)));
    assertThat(store.summarize("a", Instant.EPOCH))
        .containsExactly(new UsageStore.UsageSummary("d", "gpt-4o", "chat", 2, 1, 13, 5));
    assertThat(store.summarize("a", T.plusSeconds(1))).isEmpty();
    assertThat(store.usageRecordCount()).isEqualTo(3);
  }

  @Test
  void aTransactionCommitsWholeAndBumpsTheVersionOrChangesNothing() {
    long before = store.version();
    assertThat(store.bumpVersion()).isEqualTo(before + 1);
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    () -> {
                      store.insertAccount(account("a"), new AccountKeys("1", "2"));
                      store.upsertDeployment(deployment("a", "d"));
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");
    assertThat(store.account("a")).isEmpty();
    assertThat(store.version()).isEqualTo(before + 1);

    String name =
        store.inTransaction(
            () -> {
              store.insertAccount(account("a"), new AccountKeys("1", "2"));
              store.upsertDeployment(deployment("a", "d"));
              return "a";
            });
    assertThat(store.deployment(name, "d")).isPresent();
    assertThat(store.version()).isEqualTo(before + 2);
    assertThat(store.awaitChange(10)).isTrue();
  }

  @Test
  void sharedSecretsAreCreatedOnceAndSealedAtRest() throws Exception {
    assertThat(store.secrets().getOrCreate("admin", () -> "first")).isEqualTo("first");
    assertThat(store.secrets().getOrCreate("admin", () -> "second")).isEqualTo("first");
    assertThat(store.secrets().update("admin", v -> v + "+")).isEqualTo("first+");
    assertThat(store.secrets().getOrCreate("admin", () -> "third")).isEqualTo("first+");
    assertThat(rawSharedSecret("admin")).startsWith("enc:v1:").doesNotContain("first");
    assertThat(store.describe()).doesNotContain("secret-password");
  }

  @Test
  void fileRecordsArePagedByCreationTimeAndStayWithTheirResource() {
    var files = store.files();
    for (int i = 0; i < 5; i++) {
      files.insert(
          file("a", "file-" + i, 100 + i, i % 2 == 0 ? FilePurpose.BATCH : FilePurpose.EVALS));
    }
    files.insert(file("b", "file-9", 100, FilePurpose.BATCH));

    assertThat(files.find("a", "file-2")).map(FileObject::bytes).contains(7L);
    assertThat(files.find("b", "file-2")).isEmpty();
    assertThat(ids(files.list("a", Optional.empty(), Optional.empty(), 10, false)))
        .containsExactly("file-4", "file-3", "file-2", "file-1", "file-0");
    assertThat(ids(files.list("a", Optional.empty(), Optional.of("file-3"), 2, false)))
        .containsExactly("file-2", "file-1");
    assertThat(ids(files.list("a", Optional.empty(), Optional.of("file-1"), 10, true)))
        .containsExactly("file-2", "file-3", "file-4");
    assertThat(ids(files.list("a", Optional.of(FilePurpose.EVALS), Optional.empty(), 10, true)))
        .containsExactly("file-1", "file-3");
    assertThat(files.count("a", List.of(FilePurpose.BATCH, FilePurpose.BATCH_OUTPUT))).isEqualTo(3);
    assertThat(files.expired(103, 10))
        .extracting(FileObject::id)
        .containsExactlyInAnyOrder("file-0", "file-9", "file-2");
    assertThat(files.delete("a", "file-0")).isTrue();
    assertThat(files.delete("a", "file-0")).isFalse();
    assertThat(files.find("a", "file-0")).isEmpty();
  }

  @Test
  void batchLineClaimsTakeAtMostTheLimitAndNeverALineTwice() throws Exception {
    var batches = store.batches();
    List<BatchLine> lines = new ArrayList<>();
    for (long n = 1; n <= 200; n++) {
      lines.add(new BatchLine(n, "task-" + n, "{}"));
    }
    batches.insertLines("batch_1", lines);
    Set<Long> claimed = ConcurrentHashMap.newKeySet();
    AtomicInteger twice = new AtomicInteger();
    List<Future<Object>> runs = new ArrayList<>();
    try (var threads = Executors.newFixedThreadPool(4)) {
      for (int t = 0; t < 4; t++) {
        int runner = t;
        runs.add(
            threads.submit(
                () -> {
                  List<BatchLine> got;
                  int round = 0;
                  do {
                    got = batches.claim("batch_1", runner + "-" + round++, 10, 1_000, 5);
                    assertThat(got).hasSizeLessThanOrEqualTo(5);
                    got.forEach(l -> twice.addAndGet(claimed.add(l.number()) ? 0 : 1));
                  } while (!got.isEmpty());
                  return null;
                }));
      }
    }
    for (Future<Object> run : runs) {
      run.get();
    }
    assertThat(twice).hasValue(0);
    assertThat(claimed).hasSize(200);
    assertThat(batches.claim("batch_1", "late", 10, 1_000, 5)).isEmpty();
    assertThat(batches.claim("batch_1", "after-leases", 1_001, 2_000, 5))
        .extracting(BatchLine::number)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  private static FileObject file(String resource, String id, long created, FilePurpose purpose) {
    return new FileObject(
        id,
        resource,
        created - 95,
        created,
        id + ".jsonl",
        purpose,
        FileStatus.PROCESSED,
        purpose == FilePurpose.BATCH ? OptionalLong.of(created + 1) : OptionalLong.empty(),
        Optional.empty());
  }

  private static List<String> ids(List<FileObject> files) {
    return files.stream().map(FileObject::id).toList();
  }

  /** The value of a shared secret as the database holds it. */
  abstract String rawSharedSecret(String name) throws Exception;

  @Test
  void keepsResponsesPerResourceAndOwnerUntilTheyExpire() {
    var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    var body = nodes.objectNode().put("id", "resp_1").put("object", "response");
    var item = nodes.objectNode().put("id", "msg_1").put("type", "message");
    var responses = store.responses();
    responses.insert(
        new dev.lazurite.api.responses.StoredResponse(
            "acct", "keys", "resp_1", 100, 200, body, List.of(item), List.of(item, item)));
    var found = responses.find("acct", "keys", "resp_1", 150).orElseThrow();
    assertThat(found.body()).isEqualTo(body);
    assertThat(found.inputItems()).containsExactly(item);
    assertThat(found.context()).hasSize(2);
    assertThat(responses.find("other", "keys", "resp_1", 150)).isEmpty();
    assertThat(responses.find("acct", "entra:someone", "resp_1", 150)).isEmpty();
    assertThat(responses.find("acct", "keys", "resp_1", 200)).isEmpty();
    assertThat(responses.delete("acct", "entra:someone", "resp_1")).isFalse();
    assertThat(responses.deleteExpired(199)).isZero();
    assertThat(responses.deleteExpired(200)).isEqualTo(1);
    assertThat(responses.delete("acct", "keys", "resp_1")).isFalse();
  }

  @Test
  void replacesABackgroundResponseOnlyWhileItRuns() {
    var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    var responses = store.responses();
    var queued =
        new dev.lazurite.api.responses.StoredResponse(
            "acct",
            "keys",
            "resp_bg",
            100,
            200,
            nodes.objectNode().put("id", "resp_bg").put("status", "queued"),
            List.of(),
            List.of(),
            160);
    responses.insert(queued);
    assertThat(responses.find("acct", "keys", "resp_bg", 150).orElseThrow().leaseUntil())
        .isEqualTo(160);
    var running =
        queued.with(queued.body().deepCopy().put("status", "in_progress"), List.of(), 190);
    assertThat(responses.replaceRunning(running)).isTrue();
    var found = responses.find("acct", "keys", "resp_bg", 150).orElseThrow();
    assertThat(found.status()).isEqualTo("in_progress");
    assertThat(found.leaseUntil()).isEqualTo(190);
    var other =
        new dev.lazurite.api.responses.StoredResponse(
            "acct", "entra:x", "resp_bg", 100, 200, running.body(), List.of(), List.of(), 0);
    assertThat(responses.replaceRunning(other)).isFalse();
    var cancelled =
        running.with(running.body().deepCopy().put("status", "cancelled"), List.of(), 0);
    assertThat(responses.replaceRunning(cancelled)).isTrue();
    var completed =
        running.with(running.body().deepCopy().put("status", "completed"), List.of(), 0);
    assertThat(responses.replaceRunning(completed)).isFalse();
    assertThat(responses.find("acct", "keys", "resp_bg", 150).orElseThrow().status())
        .isEqualTo("cancelled");
  }
}
