package dev.lazurite.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingGraph;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelListStageTest {
  final TestingGraph graph =
      new TestingGraph()
          .deploy("acct", "zeta", "gpt-4o", new TestingBackend())
          .deploy("acct", "alpha", "gpt-4o", new TestingBackend())
          .deploy("other", "hidden", "gpt-4o", new TestingBackend());

  JsonNode list(Route.Style style) {
    var request =
        new Exchange(
            new Exchange.Request(
                "req",
                new Route(style, Operation.LIST_MODELS, Map.of(), "2024-10-21"),
                Map.of("api-key", TestingGraph.KEY),
                new byte[0],
                Origin.Remote.loopback(),
                System.nanoTime()));
    var exchange = graph.before(ModelListStage.class, Operation.LIST_MODELS, request);
    var json =
        (Response.Json)
            new ModelListStage()
                .handle(
                    exchange,
                    e -> {
                      throw new AssertionError("the last stage proceeded");
                    });
    return Json.WIRE.valueToTree(json.body());
  }

  @Test
  void v1ListsTheCallersOwnDeploymentsByName() {
    JsonNode body = list(Route.Style.V1);
    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.findValuesAsText("id")).containsExactly("alpha", "zeta");
  }

  @Test
  void datedListsTheCatalogWithCapabilities() {
    JsonNode body = list(Route.Style.DATED);
    assertThat(body.path("data").size()).isEqualTo(ModelCatalog.all().size());
    assertThat(body.at("/data/0/capabilities").has("chat_completion")).isTrue();
  }
}
