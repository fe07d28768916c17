package dev.lazurite.control.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /subscriptions/{s}/providers/Microsoft.CognitiveServices/locations/{l}/models} ({@code
 * az cognitiveservices model list}, the management SDKs' {@code models().list(location)}): every
 * model version of the catalog, each in Azure's {@code Model} shape, an {@code AccountModel} with
 * the account kind and SKU that deploy it.
 */
public final class LocationModelRoutes implements ArmRouteFamily {
  static final String KIND = "OpenAI";
  static final String ACCOUNT_SKU = "S0";

  @Override
  public Optional<ArmReply> handle(
      ArmAuthorizer caller,
      String method,
      List<String> path,
      Function<String, Optional<String>> query,
      byte[] body) {
    if (path.size() != 7
        || !ArmRouteFamily.underProvider(path)
        || !ArmRouteFamily.is(path, 4, "locations")
        || !ArmRouteFamily.is(path, 6, "models")) {
      return Optional.empty();
    }
    if (!method.equals("GET")) {
      throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    }
    ApiVersions.require(query.apply("api-version"), ApiVersions.COGNITIVE_SERVICES);
    caller.require(
        "Microsoft.CognitiveServices/locations/models/read", "/subscriptions/" + path.get(1));
    ObjectNode list = Json.MAPPER.createObjectNode();
    var values = list.putArray("value");
    ModelCatalog.all()
        .forEach(
            spec -> {
              ObjectNode entry = values.addObject();
              entry.put("kind", KIND).put("skuName", ACCOUNT_SKU);
              entry.set("model", AccountModelRoutes.model(spec));
            });
    return Optional.of(ArmReply.ok(list));
  }
}
