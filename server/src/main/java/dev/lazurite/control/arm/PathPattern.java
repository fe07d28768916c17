package dev.lazurite.control.arm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which request paths a route serves, and the values it names in them. */
public sealed interface PathPattern permits PathTemplate, ProviderAnywhere {
  /** The named values of a matching path, or empty when the path is not this route's. */
  Optional<Map<String, String>> match(List<String> segments);

  /**
   * The ARM scope of a matching path: its first segments, as the caller spelled them, up to the
   * scope this pattern names.
   */
  String scope(List<String> segments);
}
