package dev.lazurite.control.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.runtime.Regions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SKUs accounts can have: {@code GET /subscriptions/{s}/providers/Microsoft.CognitiveServices/
 * skus} (what {@code az cognitiveservices account list-skus} and {@code list-kinds} read) and
 * {@code GET …/accounts/{a}/skus} (those an account may change to).
 */
public final class SkuRoutes implements ArmRouteFamily {
  /** An account kind Lazurite serves, with the SKUs it offers. */
  public record KindSku(String kind, String name, String tier) {}

  /** OpenAI's data plane is served for both kinds, each in the Standard tier. */
  public static final List<KindSku> OFFERED =
      List.of(new KindSku("AIServices", "S0", "Standard"), new KindSku("OpenAI", "S0", "Standard"));

  private final ControlPlane control;

  public SkuRoutes(ControlPlane control) {
    this.control = control;
  }

  @Override
  public Optional<ArmReply> handle(
      ArmAuthorizer caller,
      String method,
      List<String> path,
      Function<String, Optional<String>> query,
      byte[] body) {
    boolean subscriptionSkus =
        path.size() == 5
            && ArmRouteFamily.underProvider(path)
            && ArmRouteFamily.is(path, 4, "skus");
    boolean accountSkus = ArmRouteFamily.accountChild(path, "skus");
    if (!subscriptionSkus && !accountSkus) {
      return Optional.empty();
    }
    if (!method.equals("GET")) {
      throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    }
    ApiVersions.require(query.apply("api-version"), ApiVersions.COGNITIVE_SERVICES);
    if (subscriptionSkus) {
      caller.require("Microsoft.CognitiveServices/skus/read", "/subscriptions/" + path.get(1));
      return Optional.of(ArmReply.ok(resourceSkus()));
    }
    String scope = "/" + String.join("/", path.subList(0, 8));
    caller.require("Microsoft.CognitiveServices/accounts/skus/read", scope);
    Account account = control.account(path.get(1), path.get(3), path.get(7));
    return Optional.of(ArmReply.ok(accountSkus(account)));
  }

  private static ObjectNode resourceSkus() {
    List<String> locations = Regions.names().stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.putArray("value");
    for (KindSku offered : OFFERED) {
      ObjectNode sku = list.withArray("value").addObject();
      sku.put("resourceType", "accounts")
          .put("name", offered.name())
          .put("tier", offered.tier())
          .put("kind", offered.kind());
      locations.forEach(sku.putArray("locations")::add);
      sku.putArray("restrictions");
    }
    return list;
  }

  private static ObjectNode accountSkus(Account account) {
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.putArray("value");
    OFFERED.stream()
        .filter(o -> o.kind().equalsIgnoreCase(account.kind()))
        .forEach(
            o ->
                list.withArray("value")
                    .addObject()
                    .put("resourceType", "Microsoft.CognitiveServices/accounts")
                    .putObject("sku")
                    .put("name", o.name())
                    .put("tier", o.tier()));
    return list;
  }
}
