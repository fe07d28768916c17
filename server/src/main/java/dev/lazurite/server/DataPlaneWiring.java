package dev.lazurite.server;

import static java.util.Objects.requireNonNull;

import dev.lazurite.api.responses.ResponseStages;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.cost.BudgetStage;
import dev.lazurite.cost.Pricer;
import dev.lazurite.files.FileLimits;
import dev.lazurite.files.FileStages;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.metering.MeteringListener;
import dev.lazurite.network.HostTemplate;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.ondata.Retriever;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.Regions;
import dev.lazurite.safety.Classifiers;
import dev.lazurite.safety.ShippedClassifier;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Azure OpenAI data plane: the pipelines every model call runs through and the handler that
 * serves them under {@code /openai} of the bare root and of each resource's endpoint.
 */
public final class DataPlaneWiring {
  private final Pipelines pipelines;
  private final DataPlaneHandler handler;

  /**
   * What the data plane is built from.
   *
   * @param stages what the pipelines' stages are built from
   * @param region the display name of the region answers name when the resource names none
   * @param proxies the proxies whose {@code X-Forwarded-For} names the client
   * @param hostTemplate how a resource's own host name names it, when resources have host names
   */
  public record Parts(
      DataPlaneStages.Parts stages,
      String region,
      TrustedProxies proxies,
      Optional<HostTemplate> hostTemplate) {
    public Parts {
      requireNonNull(stages, "stages is null");
      requireNonNull(region, "region is null");
      requireNonNull(proxies, "proxies is null");
      requireNonNull(hostTemplate, "hostTemplate is null");
    }

    /**
     * The parts a server builds its data plane from.
     *
     * @param internal the model calls this server makes, for On Your Data's query embeddings
     * @param audit the audit log's listener
     * @param capture the request/response capture stage
     * @param observers the listeners of metrics and traces, after metering
     */
    static Parts of(
        ServerConfig config,
        Clock clock,
        Foundation foundation,
        IdentityWiring identity,
        SearchWiring search,
        InternalCalls internal,
        ShippedClassifier shipped,
        Map<Operation, Stage> batches,
        PipelineListener audit,
        Stage capture,
        List<PipelineListener> observers) {
      var backends = foundation.backends();
      return new Parts(
          new DataPlaneStages.Parts(
              foundation.snapshots(),
              identity.dataPlaneTokens(),
              foundation.tokens(),
              foundation.quota(),
              config.failover().deadline(),
              new Retriever(
                  search.services(),
                  search.embeddings(),
                  internal,
                  host -> ServerHosts.own(config, host)),
              Classifiers.contentSafety(
                  config.safety(),
                  shipped,
                  backends.embedded()::vectors,
                  backends.outbound(),
                  Optional.of(internal)),
              new Pricer(foundation.snapshots(), foundation.cost().cache())
                  .pricing(
                      PipelineListener.of(
                          java.util.stream.Stream.concat(
                                  java.util.stream.Stream.of(
                                      new MeteringListener(foundation.usage(), clock), audit),
                                  observers.stream())
                              .toList())),
              clock,
              resources(
                  FileStages.of(foundation.files(), FileLimits.AZURE),
                  batches,
                  ResponseStages.of(
                      foundation.store().responses(),
                      foundation.tokens(),
                      clock,
                      search.services())),
              new BudgetStage(foundation.cost().cache(), foundation.subscription()),
              capture),
          Regions.displayName(config.region()),
          TrustedProxies.parse(config.edge().trustedProxies().orElse(null)),
          config.edge().endpointHostTemplate().map(HostTemplate::parse));
    }
  }

  /** The operations' own stages: files, batches and responses. */
  private static Map<Operation, Stage> resources(
      Map<Operation, Stage> files, Map<Operation, Stage> batches, Map<Operation, Stage> responses) {
    Map<Operation, Stage> all = new EnumMap<>(Operation.class);
    all.putAll(files);
    all.putAll(batches);
    all.putAll(responses);
    return all;
  }

  public DataPlaneWiring(Parts parts) {
    this.pipelines = DataPlaneStages.pipelines(parts.stages());
    this.handler =
        new DataPlaneHandler(pipelines, parts.region(), parts.proxies(), parts.hostTemplate());
  }

  /** Registers the data plane under {@code /openai} and each resource's endpoint path. */
  public void routing(HttpRouting.Builder routing) {
    routing.any("/openai/*", handler).any("/" + ResourceEndpoints.PATH_PREFIX + "/*", handler);
  }

  /** An account's private endpoint: the data plane only. */
  void privateRouting(HttpRouting.Builder routing) {
    routing.any(new CollapsedSlashes());
    routing(routing);
    routing.any(ServerRoutes::notFound);
  }

  /** The pipelines the handler runs, for driving them without HTTP. */
  public Pipelines pipelines() {
    return pipelines;
  }
}
