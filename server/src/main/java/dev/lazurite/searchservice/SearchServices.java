package dev.lazurite.searchservice;

import dev.lazurite.search.Embeddings;
import dev.lazurite.search.engine.IndexStore;
import dev.lazurite.search.http.SearchApi;
import dev.lazurite.search.lucene.LuceneIndexStore;
import dev.lazurite.store.SearchServiceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The search services of this server: their resources and keys in the store, their indexes on disk
 * under {@code <data-dir>/search/<service>}.
 */
public final class SearchServices implements AutoCloseable {
  public static final Pattern NAME = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$");
  private static final String KEY_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a presented key allows. */
  public enum Access {
    ADMIN,
    QUERY
  }

  private record Open(IndexStore indexes, SearchApi api) {}

  private final SearchServiceStore store;
  private final Path root;
  private final Embeddings embeddings;
  private final Clock clock;
  private final Map<String, SearchService> services = new ConcurrentHashMap<>();
  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final List<Consumer<List<SearchPrivateEndpoint>>> observers =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public SearchServices(SearchServiceStore store, Path root, Embeddings embeddings, Clock clock) {
    this.store = store;
    this.root = root;
    this.embeddings = embeddings;
    this.clock = clock;
    store.list().forEach(s -> services.put(s.name(), s));
  }

  public List<SearchService> list() {
    return services.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  public Optional<SearchService> get(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Creates the service, or updates its location and SKU; returns it and whether it is new. */
  public synchronized Created put(
      String name, String subscription, String resourceGroup, String location, String sku) {
    return put(name, subscription, resourceGroup, location, sku, UnaryOperator.identity());
  }

  /**
   * Creates the service, or updates its location and SKU, with its network settings changed by
   * {@code network} (a new service starts open); returns it and whether it is new.
   */
  public synchronized Created put(
      String name,
      String subscription,
      String resourceGroup,
      String location,
      String sku,
      UnaryOperator<SearchNetwork> network) {
    SearchService existing = services.get(name);
    SearchService service =
        existing == null
            ? new SearchService(
                name,
                subscription,
                resourceGroup,
                location,
                sku,
                key(),
                key(),
                key(),
                clock.instant(),
                network.apply(SearchNetwork.OPEN))
            : new SearchService(
                name,
                existing.subscription(),
                existing.resourceGroup(),
                location,
                sku,
                existing.primaryKey(),
                existing.secondaryKey(),
                existing.queryKey(),
                existing.createdAt(),
                network.apply(existing.network()));
    store.put(service);
    services.put(name, service);
    publishEndpoints();
    return new Created(service, existing == null);
  }

  /** Changes a service's network settings; empty if there is no such service. */
  public synchronized Optional<SearchService> updateNetwork(
      String name, UnaryOperator<SearchNetwork> change) {
    SearchService s = services.get(name);
    if (s == null) {
      return Optional.empty();
    }
    SearchService updated = s.withNetwork(change.apply(s.network()));
    store.put(updated);
    services.put(name, updated);
    publishEndpoints();
    return Optional.of(updated);
  }

  /**
   * Adds a private endpoint to its service.
   *
   * @return the service, or empty if there is none of that name
   * @throws IllegalStateException when the service has an endpoint of that name, or any service one
   *     on that address and port
   */
  public synchronized Optional<SearchService> addPrivateEndpoint(
      String service,
      String name,
      String address,
      int port,
      Optional<dev.lazurite.network.Cidr> sourceRange) {
    var endpoint =
        new SearchPrivateEndpoint(service, name, address, port, sourceRange, clock.instant());
    SearchService s = services.get(endpoint.service());
    if (s == null) {
      return Optional.empty();
    }
    boolean taken =
        privateEndpoints().stream()
            .anyMatch(
                e ->
                    (e.service().equals(endpoint.service()) && e.name().equals(endpoint.name()))
                        || (e.address().equals(endpoint.address()) && e.port() == endpoint.port()));
    if (taken) {
      throw new IllegalStateException(
          "A private endpoint with this name or address already exists.");
    }
    var endpoints = new java.util.ArrayList<>(s.network().privateEndpoints());
    endpoints.add(endpoint);
    return updateNetwork(s.name(), n -> n.withPrivateEndpoints(endpoints));
  }

  /** Removes a service's private endpoint; whether there was one. */
  public synchronized boolean deletePrivateEndpoint(String service, String name) {
    SearchService s = services.get(service);
    if (s == null
        || s.network().privateEndpoints().stream().noneMatch(e -> e.name().equals(name))) {
      return false;
    }
    updateNetwork(
        service,
        n ->
            n.withPrivateEndpoints(
                n.privateEndpoints().stream().filter(e -> !e.name().equals(name)).toList()));
    return true;
  }

  /** Every search service's private endpoints. */
  public List<SearchPrivateEndpoint> privateEndpoints() {
    return list().stream().flatMap(s -> s.network().privateEndpoints().stream()).toList();
  }

  /**
   * Calls {@code observer} with every search service's private endpoints now and after each change,
   * so that their listeners open and close.
   */
  public void observe(Consumer<List<SearchPrivateEndpoint>> observer) {
    observers.add(observer);
    observer.accept(privateEndpoints());
  }

  private void publishEndpoints() {
    List<SearchPrivateEndpoint> endpoints = privateEndpoints();
    observers.forEach(o -> o.accept(endpoints));
  }

  public record Created(SearchService service, boolean created) {}

  public synchronized Optional<SearchService> regenerate(String name, boolean primary) {
    SearchService s = services.get(name);
    if (s == null) {
      return Optional.empty();
    }
    SearchService updated =
        primary ? s.withKeys(key(), s.secondaryKey()) : s.withKeys(s.primaryKey(), key());
    store.put(updated);
    services.put(name, updated);
    return Optional.of(updated);
  }

  public synchronized boolean delete(String name) {
    if (services.remove(name) == null) {
      return false;
    }
    store.delete(name);
    publishEndpoints();
    Open o = open.remove(name);
    if (o != null) {
      o.indexes().close();
    }
    Path dir = root.resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return true;
  }

  /** What the key allows on the service, compared in constant time; empty if nothing. */
  public Optional<Access> authenticate(String name, String presented) {
    SearchService s = services.get(name);
    if (s == null || presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    if (same(s.primaryKey(), presented) | same(s.secondaryKey(), presented)) {
      return Optional.of(Access.ADMIN);
    }
    return same(s.queryKey(), presented) ? Optional.of(Access.QUERY) : Optional.empty();
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  public SearchApi api(String name) {
    return opened(name).api();
  }

  public IndexStore indexes(String name) {
    return opened(name).indexes();
  }

  private Open opened(String name) {
    if (!services.containsKey(name)) {
      throw new IllegalArgumentException("no search service " + name);
    }
    return open.computeIfAbsent(
        name,
        n -> {
          IndexStore indexes = new LuceneIndexStore(root.resolve(n), embeddings);
          return new Open(indexes, new SearchApi(n, indexes));
        });
  }

  private static String key() {
    StringBuilder sb = new StringBuilder(52);
    for (int i = 0; i < 52; i++) {
      sb.append(KEY_CHARS.charAt(RANDOM.nextInt(KEY_CHARS.length())));
    }
    return sb.toString();
  }

  @Override
  public synchronized void close() {
    open.values().forEach(o -> o.indexes().close());
    open.clear();
  }
}
