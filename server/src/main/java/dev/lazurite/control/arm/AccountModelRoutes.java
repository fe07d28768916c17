package dev.lazurite.control.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelKind;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.deployment.SkuNames;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET …/accounts/{a}/models} ({@code az cognitiveservices account list-models}): every model
 * version of the catalog the account can deploy, in Azure's {@code AccountModel} shape.
 */
public final class AccountModelRoutes implements ArmRouteFamily {
  private final ControlPlane control;

  public AccountModelRoutes(ControlPlane control) {
    this.control = control;
  }

  @Override
  public Optional<ArmReply> handle(
      ArmAuthorizer caller,
      String method,
      List<String> path,
      Function<String, Optional<String>> query,
      byte[] body) {
    if (!ArmRouteFamily.accountChild(path, "models")) {
      return Optional.empty();
    }
    if (!method.equals("GET")) {
      throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    }
    ApiVersions.require(query.apply("api-version"), ApiVersions.COGNITIVE_SERVICES);
    caller.require(
        "Microsoft.CognitiveServices/accounts/models/read",
        "/" + String.join("/", path.subList(0, 8)));
    control.account(path.get(1), path.get(3), path.get(7));
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.putArray("value");
    ModelCatalog.all().forEach(m -> list.withArray("value").add(model(m)));
    return Optional.of(ArmReply.ok(list));
  }

  static ObjectNode model(ModelSpec spec) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("format", spec.format()).put("name", spec.name()).put("version", spec.version());
    node.put(
        "isDefaultVersion",
        ModelCatalog.find(spec.name(), "")
            .map(d -> d.version().equals(spec.version()))
            .orElse(false));
    node.put("lifecycleStatus", "GenerallyAvailable");
    node.put("maxCapacity", ControlPlane.DEFAULT_QUOTA_UNITS);
    ObjectNode capabilities = node.putObject("capabilities");
    if (spec.supports(ModelKind.CHAT)) {
      capabilities.put("chatCompletion", "true");
    }
    if (spec.supports(ModelKind.COMPLETIONS)) {
      capabilities.put("completion", "true");
    }
    if (spec.supports(ModelKind.EMBEDDINGS)) {
      capabilities.put("embeddings", "true");
    }
    capabilities.put("maxContextToken", Integer.toString(spec.contextWindow()));
    if (spec.maxOutputTokens() > 0) {
      capabilities.put("maxOutputToken", Integer.toString(spec.maxOutputTokens()));
    }
    var skus = node.putArray("skus");
    for (String sku : SkuNames.ALL) {
      ObjectNode entry = skus.addObject();
      entry.put("name", sku).put("usageName", "OpenAI." + sku + "." + spec.name());
      ObjectNode capacity = entry.putObject("capacity");
      capacity.put("minimum", 1).put("step", 1);
      if (!sku.contains("Provisioned")) {
        capacity.put("maximum", ControlPlane.DEFAULT_QUOTA_UNITS);
      }
    }
    return node;
  }
}
