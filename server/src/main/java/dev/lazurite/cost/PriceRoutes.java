package dev.lazurite.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.arm.ArmCall;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRouter;
import dev.lazurite.json.Json;
import java.math.BigDecimal;

/**
 * The price table (Lazurite's own, no Azure counterpart): {@code GET} lists it, {@code POST} sets
 * one row (model, version, deployment type). A new price applies to requests recorded from then on;
 * recorded costs do not change.
 */
public final class PriceRoutes {
  private static final String PRICES = BudgetRoutes.SUB + "/providers/Lazurite.Cost/prices";

  private final CostService cost;
  private final CostScopes scopes;

  public PriceRoutes(CostService cost, CostScopes scopes) {
    this.cost = cost;
    this.scopes = scopes;
  }

  public void register(ArmRouter routes) {
    routes
        .route("GET", PRICES, BudgetRoutes.SUB, "Lazurite.Cost/prices/read", this::list)
        .route("POST", PRICES, BudgetRoutes.SUB, "Lazurite.Cost/prices/write", this::set);
  }

  private ArmResponse list(ArmCall c) {
    scopes.of(c);
    var values = Json.MAPPER.createArrayNode();
    cost.store().prices().forEach(p -> values.add(view(p)));
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.set("value", values);
    return ArmResponse.ok(list);
  }

  private ArmResponse set(ArmCall c) {
    scopes.of(c);
    JsonNode body = ArmJson.object(c.body());
    String typeText = ArmJson.requiredText(body, "deploymentType", "deploymentType");
    DeploymentType type =
        DeploymentType.parse(typeText)
            .orElseThrow(
                () ->
                    ArmJson.invalid(
                        "The deploymentType '%s' is invalid; use Global, DataZone, Regional or"
                                .formatted(typeText)
                            + " Provisioned."));
    String model = ArmJson.requiredText(body, "model", "model");
    String version = ArmJson.optionalText(body, "version", "version").orElse(Price.ANY_VERSION);
    if (model.isBlank() || version.isBlank() || model.length() > 128 || version.length() > 64) {
      throw ArmJson.invalid("The model and version must be 1 to 128 and 1 to 64 characters.");
    }
    BigDecimal input = amount(body, "input");
    Price price =
        new Price(
            model,
            version,
            type,
            input,
            body.has("cachedInput") ? amount(body, "cachedInput") : input,
            amount(body, "output"),
            body.has("perHour") ? amount(body, "perHour") : BigDecimal.ZERO,
            ArmJson.optionalText(body, "asOf", "asOf")
                .orElse(
                    java.time.LocalDate.ofInstant(cost.clock().instant(), java.time.ZoneOffset.UTC)
                        .toString()));
    cost.putPrice(price);
    return ArmResponse.ok(view(price));
  }

  private static BigDecimal amount(JsonNode body, String field) {
    BigDecimal value = ArmJson.requiredNumber(body, field, field);
    if (value.signum() < 0
        || value.scale() > 6
        || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      throw ArmJson.invalid(
          "The value at path '%s' must be between 0 and 1000000 USD with at most 6 decimals."
              .formatted(field));
    }
    return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
  }

  static ObjectNode view(Price p) {
    ObjectNode row = Json.MAPPER.createObjectNode();
    row.put("model", p.model());
    row.put("version", p.version());
    row.put("deploymentType", p.type().wire());
    row.put("input", p.inputPerMillion());
    row.put("cachedInput", p.cachedInputPerMillion());
    row.put("output", p.outputPerMillion());
    row.put("perHour", p.perHour());
    row.put("unit", "USD per 1M tokens; perHour per PTU-hour");
    row.put("asOf", p.asOf());
    return row;
  }
}
