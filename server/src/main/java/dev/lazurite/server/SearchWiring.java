package dev.lazurite.server;

import dev.lazurite.auth.TokenValidator;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.searchservice.DeploymentEmbeddings;
import dev.lazurite.searchservice.Indexers;
import dev.lazurite.searchservice.SearchHandler;
import dev.lazurite.searchservice.SearchServices;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Deque;

/**
 * Search services: their indexes on disk, the embeddings their vectorizers and On Your Data use (an
 * account's deployments, called as internal callers), the indexers, and the REST API under {@code
 * /search}.
 */
public final class SearchWiring {
  private final DeploymentEmbeddings embeddings;
  private final SearchServices services;
  private final Handler handler;

  /**
   * @param tokens validates tokens for the search audience
   * @param addresses where the search endpoint printed to clients is
   * @param opened collects what is started, in order
   */
  public SearchWiring(
      ServerConfig config,
      Clock clock,
      Foundation foundation,
      InternalCalls internal,
      TokenValidator tokens,
      ServerAddresses addresses,
      Deque<AutoCloseable> opened) {
    var snapshots = foundation.snapshots();
    Path root = config.dataDir().resolve("search");
    this.embeddings =
        new DeploymentEmbeddings(snapshots, internal, foundation.backends().embedded());
    this.services =
        new SearchServices(
            foundation.store().searchServices(),
            foundation.control().writer(),
            root,
            embeddings,
            clock);
    opened.push(services);
    var indexers =
        new Indexers(
            services,
            root,
            config.search().ingestRoot().orElseGet(() -> config.dataDir().resolve("documents")),
            config.outbound().policy(),
            foundation.secretBox(),
            embeddings,
            foundation.tokens(),
            clock);
    this.handler =
        addresses.whenBound(
            new SearchHandler(
                services,
                indexers,
                addresses::preferred,
                tokens,
                () -> snapshots.get().roleAssignments(),
                TrustedProxies.parse(config.edge().trustedProxies().orElse(null))));
  }

  /** Registers every search service's REST API under {@code /search}. */
  public void routing(HttpRouting.Builder routing) {
    routing.any("/search/*", handler);
  }

  /** A search service's private endpoint: that service's API at the root. */
  void privateRouting(HttpRouting.Builder routing) {
    routing.any(new CollapsedSlashes()).any(handler);
  }

  public SearchServices services() {
    return services;
  }

  public DeploymentEmbeddings embeddings() {
    return embeddings;
  }
}
