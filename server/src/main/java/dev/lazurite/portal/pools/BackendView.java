package dev.lazurite.portal.pools;

import dev.lazurite.routing.NamedBackend;

/**
 * A named backend of the resource: its kind, where it runs and its rank. Never its key or its URL's
 * credentials.
 */
public record BackendView(
    String name, String kind, String region, int priority, int weight, boolean faults) {
  static BackendView of(NamedBackend b) {
    return new BackendView(
        b.name(),
        b.spec().kind().name().toLowerCase(java.util.Locale.ROOT),
        b.region(),
        b.priority(),
        b.weight(),
        !b.faults().none());
  }
}
