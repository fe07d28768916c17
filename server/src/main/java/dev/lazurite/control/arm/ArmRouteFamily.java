package dev.lazurite.control.arm;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A family of ARM routes that answers the paths it owns and leaves the rest to others. */
public interface ArmRouteFamily {
  /**
   * @param path the request path's segments, without empty ones
   * @param query a query parameter by name
   * @return the reply, or empty when the path is not one of this family's
   */
  Optional<ArmReply> handle(
      ArmAuthorizer caller,
      String method,
      List<String> path,
      Function<String, Optional<String>> query,
      byte[] body);

  /** Whether segment {@code index} of {@code path} is {@code lowerCase}, in any case. */
  static boolean is(List<String> path, int index, String lowerCase) {
    return index < path.size() && path.get(index).equalsIgnoreCase(lowerCase);
  }

  /**
   * {@code /subscriptions/{s}/providers/Microsoft.CognitiveServices/…}: the provider's own paths.
   */
  static boolean underProvider(List<String> path) {
    return is(path, 0, "subscriptions")
        && is(path, 2, "providers")
        && is(path, 3, "microsoft.cognitiveservices");
  }

  /**
   * {@code
   * /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{a}/{child}}.
   */
  static boolean accountChild(List<String> path, String child) {
    return path.size() == 9
        && is(path, 0, "subscriptions")
        && is(path, 2, "resourcegroups")
        && is(path, 4, "providers")
        && is(path, 5, "microsoft.cognitiveservices")
        && is(path, 6, "accounts")
        && is(path, 8, child);
  }
}
