package dev.lazurite.testing;

import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.control.Account;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.network.NetworkRules;
import dev.lazurite.ondata.Retriever;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Outcome;
import dev.lazurite.pipeline.Pipeline;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.rbac.RoleAssignment;
import dev.lazurite.routing.PoolMember;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.safety.ContentSafety;
import dev.lazurite.safety.FilterPolicy;
import dev.lazurite.search.Embeddings;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.searchservice.SearchServices;
import dev.lazurite.server.DataPlaneStages;
import dev.lazurite.store.SearchServiceStore;
import dev.lazurite.tokens.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The data plane in memory, for stage tests without a server: two accounts ({@code acct} with
 * {@link #KEY}, {@code other} with {@link #OTHER_KEY}), the deployments a test adds, and the
 * server's own pipelines ({@link DataPlaneStages}) over them, with a {@link TestingClassifier},
 * in-process quota counters and a {@link TestingListener}. No search service exists.
 */
public final class TestingGraph {
  public static final String KEY = TestingSnapshots.KEY;
  public static final String OTHER_KEY = "fedcba9876543210fedcba9876543210";

  public final TestingListener listener = new TestingListener();
  public final TestingQuota quota = new TestingQuota();
  private final Map<String, Map<String, DeploymentRuntime>> deployments = new LinkedHashMap<>();
  private final List<RoleAssignment> assignments = new ArrayList<>();
  private final AtomicReference<Pipelines> pipelines = new AtomicReference<>();
  private final Map<String, NetworkRules> networks = new HashMap<>();
  private final Map<Operation, Stage> resources = new HashMap<>();
  private final TokenCounter tokens = new TokenCounter();

  /** Signs tokens the graph's pipelines accept. */
  public final TestingTokens tokenIssuer = TestingTokens.create();

  public TestingGraph() {
    deployments.put("acct", new LinkedHashMap<>());
    deployments.put("other", new LinkedHashMap<>());
  }

  /** A deployment of gpt-4o (chat) or text-embedding-ada-002 (embeddings) without a pool. */
  public TestingGraph deploy(String account, String name, String model, Backend backend) {
    return deploy(account, name, model, backend, 10, List.of(), FilterPolicy.DEFAULT);
  }

  /**
   * @param capacity thousands of tokens per minute (the requests per 10 s are the same number)
   */
  public TestingGraph deploy(
      String account,
      String name,
      String model,
      Backend backend,
      int capacity,
      List<PoolMember> pool,
      FilterPolicy policy) {
    var spec =
        ModelCatalog.all().stream()
            .filter(m -> m.name().equals(model))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no model " + model));
    var deployment =
        new Deployment(
            account,
            name,
            new Deployment.ModelRef("OpenAI", spec.name(), spec.version()),
            new Deployment.Sku("GlobalStandard", capacity),
            BackendSpec.of(BackendKind.SIMULATOR),
            "Microsoft.DefaultV2",
            "OnceNewDefaultVersionAvailable",
            Instant.EPOCH);
    deployments
        .get(account)
        .put(name, new DeploymentRuntime(deployment, spec, backend, pool, policy));
    return this;
  }

  public TestingGraph network(String account, NetworkRules rules) {
    networks.put(account, rules);
    return this;
  }

  /** The stage that answers a resource call (files, batches); before the first request. */
  public TestingGraph resource(Operation operation, Stage stage) {
    resources.put(operation, stage);
    return this;
  }

  public TestingGraph assign(RoleAssignment assignment) {
    assignments.add(assignment);
    return this;
  }

  public RuntimeSnapshot snapshot() {
    Map<String, RuntimeSnapshot.KeyBinding> keys = new HashMap<>();
    keys.put(digest(KEY), binding("acct", KEY));
    keys.put(digest(OTHER_KEY), binding("other", OTHER_KEY));
    Map<String, AccountRuntime> accounts = new HashMap<>();
    deployments.forEach(
        (name, own) ->
            accounts.put(
                name,
                new AccountRuntime(
                    network(
                        name,
                        Account.create(
                            name, "sub", "rg", "westeurope", "OpenAI", "S0", Instant.EPOCH)),
                    "West Europe",
                    own)));
    return new RuntimeSnapshot(1, keys, accounts, assignments, List.of());
  }

  /** The server's pipelines over this graph, built once. */
  public Pipelines pipelines() {
    return pipelines.updateAndGet(p -> p != null ? p : build());
  }

  /** A model call with {@link #KEY} on the dated route of {@code deployment}. */
  public Outcome call(Operation operation, String deployment, String body) {
    return pipelines().execute(exchange(operation, deployment, KEY, body));
  }

  public static Exchange exchange(Operation operation, String deployment, String key, String body) {
    return new Exchange(
        new Exchange.Request(
            "req-" + System.nanoTime(),
            Route.modelCall(operation, deployment, "2024-10-21"),
            Map.of("api-key", key),
            body.getBytes(StandardCharsets.UTF_8),
            Origin.Remote.loopback(),
            System.nanoTime()));
  }

  /**
   * The exchange a model-call stage receives for this request: the stages before it in the server's
   * order run first (they may throw, as they would for the request).
   */
  public Exchange before(Class<? extends Stage> stage, Operation operation, Exchange request) {
    List<Stage> all = pipelines().of(operation).stages();
    List<Stage> prefix = new ArrayList<>();
    for (Stage s : all) {
      if (stage.isInstance(s)) {
        // The exchange leaves by exception, so the stages before never see an answer.
        prefix.add(
            (e, c) -> {
              throw new Reached(e);
            });
        try {
          new Pipeline(prefix).execute(request).orThrow();
        } catch (Reached reached) {
          return reached.exchange;
        }
        throw new IllegalStateException(stage.getSimpleName() + " was not reached");
      }
      prefix.add(s);
    }
    throw new IllegalArgumentException(stage.getSimpleName() + " is not a stage of " + operation);
  }

  /** {@link #before} for a request with {@link #KEY} to {@code deployment}. */
  public Exchange before(
      Class<? extends Stage> stage, Operation operation, String deployment, String body) {
    return before(stage, operation, exchange(operation, deployment, KEY, body));
  }

  /** What {@code stage} hands inward for {@code exchange}, when the rest answers {@code ok}. */
  public static Exchange passedInward(Stage stage, Exchange exchange) {
    AtomicReference<Exchange> inner = new AtomicReference<>();
    stage.handle(
        exchange,
        e -> {
          inner.set(e);
          return Response.Json.ok("ok");
        });
    return inner.get();
  }

  public InternalCalls internalCalls() {
    return new InternalCalls(this::pipelines);
  }

  private Pipelines build() {
    var calls = internalCalls();
    Embeddings ranking =
        new Embeddings() {
          @Override
          public List<float[]> embed(String resourceUri, String deployment, List<String> texts) {
            throw new IllegalStateException("the testing graph has no search service");
          }

          @Override
          public List<float[]> rank(List<String> texts) {
            throw new IllegalStateException("the testing graph has no search service");
          }
        };
    var search =
        new SearchServices(
            new EmptySearchServiceStore(),
            Path.of("target", "testing-graph-search"),
            ranking,
            Clock.systemUTC());
    return DataPlaneStages.pipelines(
        new DataPlaneStages.Parts(
            this::snapshot,
            tokenIssuer.validator(),
            tokens,
            quota,
            Duration.ofSeconds(5),
            new Retriever(search, ranking, calls, host -> true),
            new ContentSafety(new TestingClassifier(), false),
            listener,
            Clock.systemUTC(),
            withUnanswered(resources)));
  }

  /** Resource calls a test gave no stage for fail loudly if a test sends one. */
  private static Map<Operation, Stage> withUnanswered(Map<Operation, Stage> given) {
    Map<Operation, Stage> all = new HashMap<>(given);
    for (Operation operation : Operation.values()) {
      if (operation.family() == Operation.Family.RESOURCE_CALL) {
        all.putIfAbsent(
            operation,
            (exchange, chain) -> {
              throw new IllegalStateException("no stage for " + operation + " in this graph");
            });
      }
    }
    return all;
  }

  private Account network(String name, Account account) {
    NetworkRules rules = networks.get(name);
    return rules == null ? account : account.withNetwork(rules);
  }

  private static String digest(String key) {
    return RuntimeSnapshot.digest(key.getBytes(StandardCharsets.UTF_8));
  }

  private static RuntimeSnapshot.KeyBinding binding(String account, String key) {
    return new RuntimeSnapshot.KeyBinding(account, "key1", key.getBytes(StandardCharsets.UTF_8));
  }

  private static final class Reached extends RuntimeException {
    private final transient Exchange exchange;

    private Reached(Exchange exchange) {
      super(null, null, false, false);
      this.exchange = exchange;
    }
  }

  private static final class EmptySearchServiceStore implements SearchServiceStore {
    @Override
    public void put(SearchService service) {
      throw new IllegalStateException("the testing graph has no search service");
    }

    @Override
    public List<SearchService> list() {
      return List.of();
    }

    @Override
    public Optional<SearchService> get(String name) {
      return Optional.empty();
    }

    @Override
    public boolean delete(String name) {
      return false;
    }
  }
}
