package dev.lazurite.catalog;

import dev.lazurite.api.models.ModelList;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The last stage of {@code GET /openai/models}: dated routes list the catalog's models with their
 * capabilities (models an operator added, once the resource deploys them), v1 routes the caller's
 * deployments (what a v1 client names as {@code model}).
 */
public final class ModelListStage implements Stage {
  @Override
  public Response handle(Exchange exchange, Chain chain) {
    return Response.Json.ok(models(exchange));
  }

  private static ModelList models(Exchange exchange) {
    List<Object> data = new ArrayList<>();
    if (exchange.route().style() == Route.Style.V1) {
      exchange.account().deployments().values().stream()
          .sorted(Comparator.comparing(d -> d.deployment().name()))
          .forEach(
              d ->
                  data.add(
                      new ModelList.V1Model(
                          d.deployment().name(),
                          "model",
                          d.deployment().createdAt().getEpochSecond(),
                          "organization-owner")));
    } else {
      List<ModelSpec> specs = new ArrayList<>(ModelCatalog.all());
      // Models an operator added show once a deployment of this resource names them.
      exchange.account().deployments().values().stream()
          .map(d -> d.model())
          .filter(m -> ModelCatalog.find(m.name(), m.version()).isEmpty())
          .distinct()
          .sorted(Comparator.comparing(ModelSpec::name))
          .forEach(specs::add);
      for (ModelSpec spec : specs) {
        data.add(
            new ModelList.AzureModel(
                spec.name() + "-" + spec.version(),
                "succeeded",
                spec.name(),
                new ModelList.Capabilities(
                    spec.supports(ModelKind.CHAT),
                    spec.supports(ModelKind.COMPLETIONS),
                    spec.supports(ModelKind.EMBEDDINGS),
                    false,
                    true),
                "generally-available",
                1_700_000_000L,
                "model"));
      }
    }
    return new ModelList(data, "list");
  }
}
