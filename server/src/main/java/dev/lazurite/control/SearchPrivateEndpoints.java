package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.network.Cidr;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a search service's private endpoint {@code PUT} body, {@code {"properties": {"address":
 * "10.1.0.5", "port": 443, "sourceRange": "10.1.0.0/16"}}}, as the accounts' route reads it.
 */
final class SearchPrivateEndpoints {
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$");

  /** A valid request. */
  record Request(String name, String address, int port, Optional<Cidr> sourceRange) {}

  private SearchPrivateEndpoints() {}

  static Request read(String name, JsonNode body) {
    if (!NAME.matcher(name).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_NAME, "Private endpoint name '%s' is invalid.".formatted(name));
    }
    JsonNode properties = body.path("properties");
    if (!properties.isObject()) {
      throw ArmRequests.invalid(
          "The property 'properties' is required: {\"properties\": {\"address\": \"10.1.0.5\"}}.");
    }
    JsonNode address = properties.path("address");
    if (!address.isTextual() || !isIpAddress(address.asText())) {
      throw ArmRequests.invalid(
          "The address '%s' is not an IP address."
              .formatted(address.isMissingNode() ? "" : address.asText()));
    }
    JsonNode port = properties.path("port");
    if (!port.isMissingNode() && !port.isNull() && !port.canConvertToExactIntegral()) {
      throw ArmRequests.invalid("The port must be a whole number 1..65535.");
    }
    int number = port.isMissingNode() || port.isNull() ? 443 : port.asInt();
    if (number < 1 || number > 65535 || (port.isNumber() && port.asLong() != number)) {
      throw ArmRequests.invalid("The port must be 1..65535, got %s.".formatted(port.asText()));
    }
    JsonNode source = properties.path("sourceRange");
    if (!source.isMissingNode() && !source.isNull() && !source.isTextual()) {
      throw ArmRequests.invalid("The property 'sourceRange' must be a string.");
    }
    return new Request(name, address.asText(), number, sourceRange(source));
  }

  private static Optional<Cidr> sourceRange(JsonNode value) {
    if (value.isMissingNode() || value.isNull() || value.asText("").isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Cidr.parse(value.asText()));
    } catch (IllegalArgumentException e) {
      throw ArmRequests.invalid(
          "The source range '" + value.asText() + "' is not an IP address or CIDR range.");
    }
  }

  private static boolean isIpAddress(String text) {
    if (!text.matches("[0-9a-fA-F:.]+") || text.isEmpty()) {
      return false;
    }
    try {
      InetAddress parsed = InetAddress.getByName(text);
      return text.contains(":") || text.equals(parsed.getHostAddress());
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
