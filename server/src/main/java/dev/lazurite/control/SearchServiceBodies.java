package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.network.Cidr;
import dev.lazurite.searchservice.SearchNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads {@code Microsoft.Search/searchServices} request bodies as ARM does: a {@code PUT} needs a
 * location and a known SKU; {@code properties.publicNetworkAccess} is {@code enabled} or {@code
 * disabled}; {@code properties.networkRuleSet.ipRules} are {@code {"value": "<ip or CIDR>"}}.
 */
final class SearchServiceBodies {
  static final List<String> SKUS =
      List.of(
          "free",
          "basic",
          "standard",
          "standard2",
          "standard3",
          "storage_optimized_l1",
          "storage_optimized_l2");
  static final int MAX_IP_RULES = 1000;

  /**
   * What a request sets; empty fields are left as they are.
   *
   * @param network changes the service's network settings
   */
  record Service(
      Optional<String> location, Optional<String> sku, UnaryOperator<SearchNetwork> network) {}

  private SearchServiceBodies() {}

  /** A {@code PUT}: the whole resource, location and SKU required. */
  static Service put(JsonNode request) {
    if (request.isEmpty()) {
      throw ArmRequests.invalid(
          "The request content was invalid and could not be deserialized: the body of a search"
              + " service is required.");
    }
    Service read = read(request);
    if (read.location().isEmpty()) {
      throw ArmRequests.invalid("The location property is required for this definition.");
    }
    if (read.sku().isEmpty()) {
      throw ArmRequests.invalid("The sku property is required: {\"sku\": {\"name\": \"basic\"}}.");
    }
    return read;
  }

  /** A {@code PATCH}: only what it names changes. */
  static Service patch(JsonNode request) {
    return read(request);
  }

  private static Service read(JsonNode request) {
    JsonNode location = request.path("location");
    if (!location.isMissingNode()
        && !location.isNull()
        && (!location.isTextual() || location.asText().isBlank())) {
      throw ArmRequests.invalid("The property 'location' must be a non-empty string.");
    }
    Optional<String> sku = sku(request.path("sku"));
    JsonNode properties = request.path("properties");
    if (!properties.isMissingNode() && !properties.isNull() && !properties.isObject()) {
      throw ArmRequests.invalid("The property 'properties' must be an object.");
    }
    Optional<Boolean> publicAccess = publicAccess(properties.path("publicNetworkAccess"));
    Optional<List<Cidr>> ipRules = ipRules(properties.path("networkRuleSet"));
    return new Service(
        location.isTextual() ? Optional.of(location.asText()) : Optional.empty(),
        sku,
        current ->
            current.withRules(
                publicAccess.orElse(current.publicAccess()), ipRules.orElse(current.ipRules())));
  }

  private static Optional<String> sku(JsonNode sku) {
    if (sku.isMissingNode() || sku.isNull()) {
      return Optional.empty();
    }
    if (!sku.isObject() || !sku.path("name").isTextual()) {
      throw ArmRequests.invalid(
          "The property 'sku' must be an object with a 'name': one of " + SKUS + ".");
    }
    String name = sku.get("name").asText().toLowerCase(Locale.ROOT);
    if (!SKUS.contains(name)) {
      throw ArmRequests.invalid(
          "The request content was invalid and could not be deserialized: the SKU '"
              + sku.get("name").asText()
              + "' is not one of "
              + SKUS
              + ". Path 'sku.name'.");
    }
    return Optional.of(name);
  }

  private static Optional<Boolean> publicAccess(JsonNode access) {
    if (access.isMissingNode() || access.isNull()) {
      return Optional.empty();
    }
    if (!access.isTextual()
        || !List.of("enabled", "disabled").contains(access.asText().toLowerCase(Locale.ROOT))) {
      throw ArmRequests.invalid(
          "The property 'publicNetworkAccess' must be 'enabled' or 'disabled'.");
    }
    return Optional.of(access.asText().equalsIgnoreCase("enabled"));
  }

  private static Optional<List<Cidr>> ipRules(JsonNode ruleSet) {
    if (ruleSet.isMissingNode() || ruleSet.isNull()) {
      return Optional.empty();
    }
    if (!ruleSet.isObject()) {
      throw ArmRequests.invalid("The property 'networkRuleSet' must be an object.");
    }
    JsonNode rules = ruleSet.path("ipRules");
    if (rules.isMissingNode() || rules.isNull()) {
      return Optional.empty();
    }
    if (!rules.isArray()) {
      throw ArmRequests.invalid("The property 'networkRuleSet.ipRules' must be an array.");
    }
    if (rules.size() > MAX_IP_RULES) {
      throw ArmRequests.invalid(
          "A search service takes at most "
              + MAX_IP_RULES
              + " IP rules, got "
              + rules.size()
              + ".");
    }
    List<Cidr> parsed = new ArrayList<>();
    for (JsonNode rule : rules) {
      JsonNode value = rule.path("value");
      if (!value.isTextual()) {
        throw ArmRequests.invalid(
            "Each IP rule must be an object with a string 'value': {\"value\": \"203.0.113.0/24\"}.");
      }
      try {
        parsed.add(Cidr.parse(value.asText()));
      } catch (IllegalArgumentException e) {
        throw ArmRequests.invalid(
            "The IP rule '" + value.asText() + "' is not an IP address or CIDR range.");
      }
    }
    return Optional.of(parsed);
  }
}
