package dev.lazurite.searchservice;

import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.control.event.ControlWriter;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.engine.IndexStore;
import dev.lazurite.search.http.SearchApi;
import dev.lazurite.store.SearchServiceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The search services: their resources, keys and network settings in the store, their indexes on
 * this instance's disk under {@code <data-dir>/search/<service>}. Every change goes through the
 * control plane's write path (checked and written in one transaction, then one control event), and
 * what requests are decided on (keys, network rules) is read again from the store before each new
 * runtime snapshot is in force, so a change made through any instance holds on every instance from
 * then on.
 */
public final class SearchServices implements AutoCloseable {
  public static final Pattern NAME = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$");
  private static final String KEY_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SearchServices.class);

  /** What a presented key allows. */
  public enum Access {
    ADMIN,
    QUERY
  }

  private final SearchServiceStore store;
  private final ControlWriter writer;
  private final Clock clock;
  private final OpenIndexes indexes;
  private final List<Consumer<List<SearchPrivateEndpoint>>> observers =
      new CopyOnWriteArrayList<>();
  private volatile Map<String, SearchService> services;

  public SearchServices(
      SearchServiceStore store,
      ControlWriter writer,
      Path root,
      Embeddings embeddings,
      Clock clock) {
    this.store = store;
    this.writer = writer;
    this.clock = clock;
    this.indexes = new OpenIndexes(root, embeddings);
    this.services = read();
    writer.beforeEachSnapshot(version -> refresh());
  }

  public List<SearchService> list() {
    return List.copyOf(services.values());
  }

  public Optional<SearchService> get(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Creates the service, or updates its location and SKU; returns it and whether it is new. */
  public Created put(
      String name, String subscription, String resourceGroup, String location, String sku) {
    return put(name, subscription, resourceGroup, location, sku, UnaryOperator.identity());
  }

  /**
   * Creates the service, or updates its location and SKU, with its network settings changed by
   * {@code network} (a new service starts open); returns it and whether it is new.
   *
   * @throws IllegalStateException when a service of that name is in another resource group
   */
  public Created put(
      String name,
      String subscription,
      String resourceGroup,
      String location,
      String sku,
      UnaryOperator<SearchNetwork> network) {
    return writer.write(
        () -> {
          Optional<SearchService> stored = store.get(name);
          if (stored.isPresent() && !stored.get().resourceGroup().equalsIgnoreCase(resourceGroup)) {
            throw new IllegalStateException(
                "The search service name '" + name + "' is already in use.");
          }
          SearchService service =
              stored
                  .map(
                      s ->
                          new SearchService(
                              name,
                              s.subscription(),
                              s.resourceGroup(),
                              location,
                              sku,
                              s.primaryKey(),
                              s.secondaryKey(),
                              s.queryKey(),
                              s.createdAt(),
                              network.apply(s.network())))
                  .orElseGet(
                      () ->
                          new SearchService(
                              name,
                              subscription,
                              resourceGroup,
                              location,
                              sku,
                              key(),
                              key(),
                              key(),
                              clock.instant(),
                              network.apply(SearchNetwork.OPEN)));
          store.put(service);
          writer.committed(
              armId(service),
              stored.isEmpty() ? ControlEvent.Operation.CREATE : ControlEvent.Operation.UPDATE);
          return new Created(service, stored.isEmpty());
        });
  }

  /**
   * Changes what a PATCH names of a service in {@code resourceGroup}; empty if there is none (one
   * deleted meanwhile is not created again).
   */
  public Optional<SearchService> patch(
      String name,
      String resourceGroup,
      Optional<String> location,
      Optional<String> sku,
      UnaryOperator<SearchNetwork> network) {
    return writer.write(
        () ->
            store
                .get(name)
                .filter(s -> s.resourceGroup().equalsIgnoreCase(resourceGroup))
                .map(
                    s ->
                        put(
                                name,
                                s.subscription(),
                                s.resourceGroup(),
                                location.orElse(s.location()),
                                sku.orElse(s.sku()),
                                network)
                            .service()));
  }

  /** Changes a service's network settings; empty if there is no such service. */
  public Optional<SearchService> updateNetwork(String name, UnaryOperator<SearchNetwork> change) {
    return writer.write(
        () ->
            store
                .get(name)
                .map(
                    s -> {
                      SearchService updated = s.withNetwork(change.apply(s.network()));
                      store.put(updated);
                      writer.committed(armId(updated), ControlEvent.Operation.UPDATE);
                      return updated;
                    }));
  }

  /**
   * Adds a private endpoint to its service.
   *
   * @return the service, or empty if there is none of that name
   * @throws IllegalStateException when the service has an endpoint of that name, or any service one
   *     on that address and port
   */
  public Optional<SearchService> addPrivateEndpoint(
      String service,
      String name,
      String address,
      int port,
      Optional<dev.lazurite.network.Cidr> sourceRange) {
    var endpoint =
        new SearchPrivateEndpoint(service, name, address, port, sourceRange, clock.instant());
    return writer.write(
        () -> {
          Optional<SearchService> s = store.get(service);
          if (s.isEmpty()) {
            return Optional.empty();
          }
          boolean taken =
              store.list().stream()
                  .flatMap(other -> other.network().privateEndpoints().stream())
                  .anyMatch(
                      e ->
                          (e.service().equals(service) && e.name().equals(name))
                              || (e.address().equals(address) && e.port() == port));
          if (taken) {
            throw new IllegalStateException(
                "A private endpoint with this name or address already exists.");
          }
          var endpoints = new ArrayList<>(s.get().network().privateEndpoints());
          endpoints.add(endpoint);
          return updateNetwork(service, n -> n.withPrivateEndpoints(endpoints));
        });
  }

  /** Removes a service's private endpoint; whether there was one. */
  public boolean deletePrivateEndpoint(String service, String name) {
    return writer.write(
        () -> {
          Optional<SearchService> s = store.get(service);
          if (s.isEmpty()
              || s.get().network().privateEndpoints().stream()
                  .noneMatch(e -> e.name().equals(name))) {
            return false;
          }
          updateNetwork(
              service,
              n ->
                  n.withPrivateEndpoints(
                      n.privateEndpoints().stream().filter(e -> !e.name().equals(name)).toList()));
          return true;
        });
  }

  /** Every search service's private endpoints. */
  public List<SearchPrivateEndpoint> privateEndpoints() {
    return endpoints(services);
  }

  private static List<SearchPrivateEndpoint> endpoints(Map<String, SearchService> services) {
    return services.values().stream()
        .flatMap(s -> s.network().privateEndpoints().stream())
        .toList();
  }

  /**
   * Calls {@code observer} with every search service's private endpoints now and after each change,
   * so that their listeners open and close.
   */
  public void observe(Consumer<List<SearchPrivateEndpoint>> observer) {
    observers.add(observer);
    observer.accept(privateEndpoints());
  }

  public record Created(SearchService service, boolean created) {}

  /** Replaces the primary or secondary admin key; empty if there is no such service. */
  public Optional<SearchService> regenerate(String name, boolean primary) {
    return writer.write(
        () ->
            store
                .get(name)
                .map(
                    s -> {
                      SearchService updated =
                          primary
                              ? s.withKeys(key(), s.secondaryKey())
                              : s.withKeys(s.primaryKey(), key());
                      store.put(updated);
                      writer.committed(armId(updated), ControlEvent.Operation.ACTION);
                      return updated;
                    }));
  }

  /** Deletes the service (its indexes go with it); whether there was one in that resource group. */
  public boolean delete(String name, String resourceGroup) {
    return writer.write(
        () -> {
          Optional<SearchService> s =
              store
                  .get(name)
                  .filter(found -> found.resourceGroup().equalsIgnoreCase(resourceGroup));
          if (s.isEmpty() || !store.delete(name)) {
            return false;
          }
          writer.committed(armId(s.get()), ControlEvent.Operation.DELETE);
          return true;
        });
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

  /**
   * What {@code /readyz} asks: the services can be read from the store, and their index store is
   * open and writable.
   */
  public boolean reachable() {
    store.list();
    return indexes.reachable();
  }

  public SearchApi api(String name) {
    return opened(name).api();
  }

  public IndexStore indexes(String name) {
    return opened(name).indexes();
  }

  private OpenIndexes.Open opened(String name) {
    if (!services.containsKey(name)) {
      throw new IllegalArgumentException("no search service " + name);
    }
    return indexes.opened(name);
  }

  /**
   * Reads the services from the store again; removes the indexes of those that are gone, and tells
   * the observers when the private endpoints changed.
   */
  private synchronized void refresh() {
    Map<String, SearchService> before = services;
    Map<String, SearchService> after = read();
    services = after;
    for (String gone : before.keySet()) {
      if (!after.containsKey(gone)) {
        try {
          indexes.remove(gone);
        } catch (java.io.UncheckedIOException e) {
          LOG.warn("the indexes of deleted search service {} could not be removed: {}", gone, e);
        }
      }
    }
    List<SearchPrivateEndpoint> endpoints = endpoints(after);
    if (!endpoints.equals(endpoints(before))) {
      observers.forEach(o -> o.accept(endpoints));
    }
  }

  private Map<String, SearchService> read() {
    Map<String, SearchService> byName = new LinkedHashMap<>();
    store.list().stream()
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(s -> byName.put(s.name(), s));
    return java.util.Collections.unmodifiableMap(byName);
  }

  /** The service's ARM id. */
  public static String armId(SearchService s) {
    return "/subscriptions/"
        + s.subscription()
        + "/resourceGroups/"
        + s.resourceGroup()
        + "/providers/Microsoft.Search/searchServices/"
        + s.name();
  }

  private static String key() {
    StringBuilder sb = new StringBuilder(52);
    for (int i = 0; i < 52; i++) {
      sb.append(KEY_CHARS.charAt(RANDOM.nextInt(KEY_CHARS.length())));
    }
    return sb.toString();
  }

  @Override
  public void close() {
    indexes.close();
  }
}
