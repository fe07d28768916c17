package dev.lazurite.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * Changes made through the first instance, each checked on every other instance while a load of
 * requests runs against all of them: a deployment, a key regeneration, a role assignment and its
 * revocation, {@code disableLocalAuth}, public network access and IP rules. Each must be in force
 * everywhere within one second, and a revoked credential must not be admitted anywhere after that
 * second.
 */
final class InstancesInStep {
  static final String HELLO =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":5}";
  static final Duration IN_FORCE_WITHIN = Duration.ofSeconds(1);

  private final Instances instances;
  private final String account;
  private final String admin;

  /** Propagation times in milliseconds, one per change and instance. */
  final List<Double> propagation = Collections.synchronizedList(new ArrayList<>());

  InstancesInStep(Instances instances) {
    this.instances = instances;
    TestingServer first = instances.get(0);
    this.account =
        "/subscriptions/"
            + first.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite";
    this.admin = "Bearer " + first.server().adminToken();
  }

  /** The ARM path of the default account. */
  String account() {
    return account;
  }

  static String chat(String deployment) {
    return "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21";
  }

  TestingHttp.Result arm(int instance, String method, String path, String body) {
    return new TestingHttp(instances.get(instance).endpoint(), "")
        .send(method, path + "?api-version=2024-10-01", body, "Authorization", admin);
  }

  static TestingHttp.Result withKey(TestingServer server, String deployment, String key) {
    return new TestingHttp(server.endpoint(), key).post(chat(deployment), HELLO);
  }

  static TestingHttp.Result withToken(TestingServer server, String token) {
    return new TestingHttp(server.endpoint(), "")
        .send("POST", chat("fresh"), HELLO, "Authorization", "Bearer " + token);
  }

  /**
   * Waits until every instance but the first runs on a snapshot of the store as it is after the
   * change; records how long each took after the change returned and asserts it was within the
   * second. From then on, the very next request must be decided by the change.
   */
  void inForceEverywhere(String change, long changedAt, IntUnaryOperator status, int expected)
      throws Exception {
    long version = instances.get(0).server().store().version();
    // Every instance is watched at once, so that the time one takes is not counted against the
    // next; the requests are sent once all have the change.
    long[] reachedAt = new long[instances.size()];
    long deadline = changedAt + Duration.ofSeconds(10).toNanos();
    int waiting = instances.size() - 1;
    while (waiting > 0 && System.nanoTime() < deadline) {
      for (int i = 1; i < instances.size(); i++) {
        if (reachedAt[i] == 0 && instances.get(i).server().snapshotVersion() >= version) {
          reachedAt[i] = System.nanoTime();
          waiting--;
        }
      }
      Thread.sleep(1);
    }
    for (int i = 1; i < instances.size(); i++) {
      assertThat(reachedAt[i]).as("%s reached instance %d within 10 s", change, i).isPositive();
      double millis = (reachedAt[i] - changedAt) / 1e6;
      propagation.add(millis);
      assertThat(status.applyAsInt(i))
          .as("%s decides the next request on instance %d", change, i)
          .isEqualTo(expected);
      assertThat(millis)
          .as("%s in force on instance %d after %.0f ms", change, i, millis)
          .isLessThanOrEqualTo(IN_FORCE_WITHIN.toMillis());
    }
  }

  /** Sends requests with one credential to every instance but the first, noting what got in. */
  final class Prober implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Long> admittedAt = new ConcurrentLinkedQueue<>();

    Prober(java.util.function.Function<TestingServer, TestingHttp.Result> request) {
      for (int i = 1; i < instances.size(); i++) {
        TestingServer server = instances.get(i);
        threads.submit(
            () -> {
              while (running.get()) {
                long sent = System.nanoTime();
                if (request.apply(server).status() == 200) {
                  admittedAt.add(sent);
                }
                Thread.sleep(2);
              }
              return null;
            });
      }
    }

    /** Requests sent after {@code since} that were admitted. */
    long admittedAfter(long since) {
      return admittedAt.stream().filter(t -> t > since).count();
    }

    @Override
    public void close() {
      running.set(false);
      threads.close();
    }
  }

  /** Requests to every instance with the account's second key; counts answers by kind. */
  final class Load implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicLong admitted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    Load(String key, int clientsPerInstance) {
      for (TestingServer server : instances.servers) {
        for (int c = 0; c < clientsPerInstance; c++) {
          threads.submit(
              () -> {
                while (running.get()) {
                  int status = withKey(server, "fresh", key).status();
                  (status == 200 ? admitted : status >= 500 ? failed : refused).incrementAndGet();
                  Thread.sleep(5);
                }
                return null;
              });
        }
      }
    }

    @Override
    public void close() {
      running.set(false);
      threads.close();
    }
  }

  /** Runs every change through the first instance and checks it on the others. */
  void run() throws Exception {
    TestingServer first = instances.get(0);
    String key1 = first.server().defaultKeys().key1();
    String key2 = first.server().defaultKeys().key2();
    for (int i = 1; i < instances.size(); i++) {
      assertThat(instances.get(i).server().defaultKeys().key1())
          .as("instances share the account's keys")
          .isEqualTo(key1);
    }
    try (Load load = new Load(key2, 2)) {
      // A new deployment.
      long changed =
          changedAt(
              arm(
                  0,
                  "PUT",
                  account + "/deployments/fresh",
                  "{\"sku\":{\"name\":\"Standard\",\"capacity\":1000},\"properties\":{\"model\":"
                      + "{\"format\":\"OpenAI\",\"name\":\"gpt-4o\",\"version\":\"2024-08-06\"}}}"),
              201);
      inForceEverywhere(
          "the new deployment",
          changed,
          i -> withKey(instances.get(i), "fresh", key1).status(),
          200);

      // A regenerated key: the old one is revoked everywhere.
      try (Prober oldKey = new Prober(server -> withKey(server, "fresh", key1))) {
        long regenerated =
            changedAt(arm(0, "POST", account + "/regenerateKey", "{\"keyName\":\"Key1\"}"), 200);
        inForceEverywhere(
            "the regenerated key",
            regenerated,
            i -> withKey(instances.get(i), "fresh", key1).status(),
            401);
        Thread.sleep(300);
        assertThat(oldKey.admittedAfter(regenerated + IN_FORCE_WITHIN.toNanos()))
            .as("requests admitted with the old key a second after it was regenerated")
            .isZero();
      }
      String newKey1 = first.server().defaultKeys().key1();
      inForceEverywhere(
          "the new key",
          System.nanoTime(),
          i -> withKey(instances.get(i), "fresh", newKey1).status(),
          200);

      // A role assignment, then its revocation.
      var principal = first.server().identities().createServicePrincipal("scale-out-client");
      String objectId = principal.principal().objectId();
      String token =
          instances
              .get(instances.size() - 1)
              .server()
              .identities()
              .tokenFor(
                  "https://cognitiveservices.azure.com", objectId, principal.principal().appId())
              .accessToken();
      String assignment =
          account
              + "/providers/Microsoft.Authorization/roleAssignments/"
              + java.util.UUID.randomUUID();
      String role = BuiltInRoles.find("Cognitive Services OpenAI User").orElseThrow().id();
      long granted =
          changedAt(
              arm(
                  0,
                  "PUT",
                  assignment,
                  "{\"properties\":{\"roleDefinitionId\":\"/providers/Microsoft.Authorization/roleDefinitions/"
                      + role
                      + "\",\"principalId\":\""
                      + objectId
                      + "\"}}"),
              201);
      inForceEverywhere(
          "the role assignment", granted, i -> withToken(instances.get(i), token).status(), 200);
      try (Prober revokedToken = new Prober(server -> withToken(server, token))) {
        long revoked = changedAt(arm(0, "DELETE", assignment, null), 200);
        inForceEverywhere(
            "the revoked role assignment",
            revoked,
            i -> withToken(instances.get(i), token).status(),
            401);
        Thread.sleep(300);
        assertThat(revokedToken.admittedAfter(revoked + IN_FORCE_WITHIN.toNanos()))
            .as("requests admitted with a revoked role a second after the revocation")
            .isZero();
      }

      // Key authentication off, then on again.
      long disabled =
          changedAt(arm(0, "PATCH", account, "{\"properties\":{\"disableLocalAuth\":true}}"), 200);
      inForceEverywhere(
          "disableLocalAuth",
          disabled,
          i -> withKey(instances.get(i), "fresh", key2).status(),
          403);
      long enabled =
          changedAt(arm(0, "PATCH", account, "{\"properties\":{\"disableLocalAuth\":false}}"), 200);
      inForceEverywhere(
          "local auth enabled again",
          enabled,
          i -> withKey(instances.get(i), "fresh", key2).status(),
          200);

      // Public network access off, then on again.
      long closed =
          changedAt(
              arm(0, "PATCH", account, "{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"),
              200);
      inForceEverywhere(
          "public network access disabled",
          closed,
          i -> withKey(instances.get(i), "fresh", key2).status(),
          403);
      long opened =
          changedAt(
              arm(0, "PATCH", account, "{\"properties\":{\"publicNetworkAccess\":\"Enabled\"}}"),
              200);
      inForceEverywhere(
          "public network access enabled",
          opened,
          i -> withKey(instances.get(i), "fresh", key2).status(),
          200);

      // IP rules that leave this client out, then none.
      long denied =
          changedAt(
              arm(
                  0,
                  "PATCH",
                  account,
                  "{\"properties\":{\"networkAcls\":{\"defaultAction\":\"Deny\",\"ipRules\":"
                      + "[{\"value\":\"10.0.0.0/8\"}]}}}"),
              200);
      inForceEverywhere(
          "IP rules", denied, i -> withKey(instances.get(i), "fresh", key2).status(), 403);
      long allowed =
          changedAt(
              arm(
                  0,
                  "PATCH",
                  account,
                  "{\"properties\":{\"networkAcls\":{\"defaultAction\":\"Allow\",\"ipRules\":[]}}}"),
              200);
      inForceEverywhere(
          "IP rules lifted", allowed, i -> withKey(instances.get(i), "fresh", key2).status(), 200);

      load.close();
      System.out.printf(
          "load over %d instances: %d admitted, %d refused, %d failed%n",
          instances.size(), load.admitted.get(), load.refused.get(), load.failed.get());
      assertThat(load.admitted.get()).as("requests served meanwhile").isPositive();
      assertThat(load.failed.get()).as("server errors under load").isZero();
    }
  }

  /** The time a change returned, after checking it was accepted. */
  private static long changedAt(TestingHttp.Result result, int expected) {
    long now = System.nanoTime();
    assertThat(result.status()).as(result.body()).isEqualTo(expected);
    return now;
  }

  /** Prints the propagation times' median and 99th percentile. */
  void report(String name) {
    List<Double> sorted = new ArrayList<>(propagation);
    Collections.sort(sorted);
    System.out.printf(
        "%s: %d propagations, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        name, sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.getLast());
  }

  static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
