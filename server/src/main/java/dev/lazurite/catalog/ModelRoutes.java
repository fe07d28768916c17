package dev.lazurite.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.control.arm.ArmCall;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRouter;
import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.cost.CostService;
import dev.lazurite.cost.DeploymentType;
import dev.lazurite.cost.Price;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Models an operator adds to the catalog (Lazurite's own, no Azure counterpart): {@code GET
 * …/providers/Lazurite.Catalog/models} lists the whole catalog (built-in models marked), {@code PUT
 * …/models/{name}} adds one, {@code DELETE …/models/{name}} removes one no deployment uses. Each
 * write goes through the control write path, so it is in force on every instance with the next
 * snapshot; an added model can be deployed at once. Prices given with a model are written to the
 * price table for the Global, DataZone and Regional deployment types.
 */
public final class ModelRoutes {
  private static final String SUB = "/subscriptions/{subscriptionId}";
  private static final String MODELS = SUB + "/providers/Lazurite.Catalog/models";
  private static final List<DeploymentType> PRICED =
      List.of(DeploymentType.GLOBAL, DeploymentType.DATA_ZONE, DeploymentType.REGIONAL);

  private final ControlPlane control;
  private final CatalogStore store;
  private final CostService cost;
  private final String subscription;

  public ModelRoutes(
      ControlPlane control, CatalogStore store, CostService cost, String subscription) {
    this.control = control;
    this.store = store;
    this.cost = cost;
    this.subscription = subscription;
  }

  public void register(ArmRouter routes) {
    routes
        .route("GET", MODELS, SUB, "Lazurite.Catalog/models/read", this::list)
        .route("PUT", MODELS + "/{modelName}", SUB, "Lazurite.Catalog/models/write", this::add)
        .route(
            "DELETE", MODELS + "/{modelName}", SUB, "Lazurite.Catalog/models/delete", this::delete);
  }

  private void checkSubscription(ArmCall c) {
    String sub = c.value("subscriptionId");
    if (!sub.equalsIgnoreCase(subscription)) {
      throw ApiException.of(ErrorCode.ARM_SUBSCRIPTION_NOT_FOUND, sub);
    }
  }

  private ArmResponse list(ArmCall c) {
    checkSubscription(c);
    var values = Json.MAPPER.createArrayNode();
    ModelCatalog.all().forEach(m -> values.add(view(m, true)));
    store.models().forEach(m -> values.add(view(m, false)));
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.set("value", values);
    return ArmResponse.ok(list);
  }

  private ArmResponse add(ArmCall c) {
    checkSubscription(c);
    ModelRequest request = ModelRequest.parse(c.value("modelName"), c.body());
    ModelSpec model = request.model();
    var writer = control.writer();
    writer.write(
        () -> {
          if (!store.add(model)) {
            throw ApiException.of(
                ErrorCode.ARM_CONFLICT,
                "The model '%s' is already in the catalog; delete it first to change it."
                    .formatted(model.name()));
          }
          // The prices join the model's transaction: both are stored, or neither.
          request.outputPrice().ifPresent(output -> price(model, request, output));
          return null;
        });
    writer.committed(id(model.name()), ControlEvent.Operation.CREATE);
    cost.refresh();
    return ArmResponse.written(true, view(model, false));
  }

  private void price(ModelSpec model, ModelRequest request, BigDecimal output) {
    BigDecimal input = request.inputPrice().orElse(BigDecimal.ZERO);
    String asOf = LocalDate.ofInstant(cost.clock().instant(), ZoneOffset.UTC).toString();
    for (DeploymentType type : PRICED) {
      cost.store()
          .putPrice(
              new Price(
                  model.name(),
                  Price.ANY_VERSION,
                  type,
                  input,
                  request.cachedInputPrice().orElse(input),
                  output,
                  BigDecimal.ZERO,
                  asOf));
    }
  }

  private ArmResponse delete(ArmCall c) {
    checkSubscription(c);
    String name = c.value("modelName");
    if (ModelCatalog.find(name, "").isPresent()) {
      throw ModelRequest.invalid(
          "The model '%s' is built in and cannot be deleted.".formatted(name));
    }
    var writer = control.writer();
    boolean deleted =
        writer.write(
            () -> {
              for (var account : control.accounts()) {
                for (Deployment d : control.deployments(account)) {
                  if (d.model().name().equals(name)) {
                    throw ApiException.of(
                        ErrorCode.ARM_CONFLICT,
                        "The model '%s' is used by the deployment '%s' of account '%s'; delete the"
                                .formatted(name, d.name(), account.name())
                            + " deployment first.");
                  }
                }
              }
              return store.delete(name);
            });
    if (deleted) {
      writer.committed(id(name), ControlEvent.Operation.DELETE);
    }
    return ArmResponse.deleted(deleted);
  }

  private String id(String name) {
    return "/subscriptions/" + subscription + "/providers/Lazurite.Catalog/models/" + name;
  }

  private static ObjectNode view(ModelSpec m, boolean builtIn) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("name", m.name())
        .put("version", m.version())
        .put("family", m.format())
        .put("kind", m.supports(ModelKind.EMBEDDINGS) ? "embeddings" : "chat")
        .put("encoding", m.encoding().name().toLowerCase(java.util.Locale.ROOT))
        .put("contextWindow", m.contextWindow())
        .put("maxOutputTokens", m.maxOutputTokens())
        .put("dimensions", m.dimensions())
        .put("builtIn", builtIn);
    return node;
  }
}
