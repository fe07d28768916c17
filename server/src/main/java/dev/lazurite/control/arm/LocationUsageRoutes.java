package dev.lazurite.control.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.deployment.SkuNames;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /subscriptions/{s}/providers/Microsoft.CognitiveServices/locations/{l}/usages}: the
 * subscription's quota in a region, one entry per model and deployment type, counted as deployment
 * creation counts it ({@link ControlPlane#quotaUsed}: every deployment of the model and type in the
 * subscription's accounts in that region).
 */
public final class LocationUsageRoutes implements ArmRouteFamily {
  private static final String SUPPORTED = "Supported filters are 'name.value eq '{value}''.";
  private static final Pattern NAME_EQ =
      Pattern.compile("^name\\.value\\s+eq\\s+'((?:[^']|'')*)'$", Pattern.CASE_INSENSITIVE);
  private static final Pattern OR = Pattern.compile("\\s+or\\s+", Pattern.CASE_INSENSITIVE);

  private final ControlPlane control;

  public LocationUsageRoutes(ControlPlane control) {
    this.control = control;
  }

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
        || !ArmRouteFamily.is(path, 6, "usages")) {
      return Optional.empty();
    }
    if (!method.equals("GET")) {
      throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    }
    ApiVersions.require(query.apply("api-version"), ApiVersions.COGNITIVE_SERVICES);
    String subscription = path.get(1);
    caller.require(
        "Microsoft.CognitiveServices/locations/usages/read", "/subscriptions/" + subscription);
    Predicate<String> wanted = filter(query.apply("$filter"));
    return Optional.of(ArmReply.ok(usages(subscription, path.get(5), wanted)));
  }

  private ObjectNode usages(String subscription, String location, Predicate<String> wanted) {
    java.util.Map<String, Integer> used = new java.util.HashMap<>();
    for (Account account : control.accounts()) {
      if (account.subscriptionId().equalsIgnoreCase(subscription)
          && normalized(account.location()).equals(normalized(location))) {
        for (var d : control.deployments(account)) {
          used.merge(d.model().name() + "|" + d.sku().name(), d.sku().capacity(), Integer::sum);
        }
      }
    }
    Set<String> models = new LinkedHashSet<>();
    ModelCatalog.all().stream().map(ModelSpec::name).forEach(models::add);
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.putArray("value");
    for (String model : models) {
      for (String sku : SkuNames.ALL) {
        String name = "OpenAI." + sku + "." + model;
        if (sku.contains("Provisioned") || !wanted.test(name)) {
          continue;
        }
        ObjectNode usage = list.withArray("value").addObject();
        usage
            .putObject("name")
            .put("value", name)
            .put("localizedValue", ControlPlane.quotaName(model, sku));
        usage
            .put("currentValue", used.getOrDefault(model + "|" + sku, 0))
            .put("limit", ControlPlane.DEFAULT_QUOTA_UNITS)
            .put("unit", "Count");
      }
    }
    return list;
  }

  /** {@code name.value eq '…'} clauses joined with {@code or}; anything else is refused. */
  static Predicate<String> filter(Optional<String> filter) {
    if (filter.isEmpty() || filter.get().isBlank()) {
      return name -> true;
    }
    Set<String> names = new java.util.HashSet<>();
    for (String clause : OR.split(filter.get().strip())) {
      Matcher m = NAME_EQ.matcher(clause.strip());
      if (!m.matches()) {
        throw ApiException.of(ErrorCode.ARM_UNSUPPORTED_QUERY, filter.get().strip(), SUPPORTED);
      }
      names.add(m.group(1).replace("''", "'").toLowerCase(java.util.Locale.ROOT));
    }
    return name -> names.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  static String normalized(String location) {
    return location.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
  }
}
