package dev.lazurite.store;

import java.util.function.Supplier;

/**
 * Named secrets shared by every instance on one database, sealed with the master key. The first
 * instance to need one creates it; the others read the same value.
 */
public interface SharedSecrets {
  /** The secret of that name, created with {@code create} if there is none yet. */
  String getOrCreate(String name, Supplier<String> create);

  /**
   * Replaces an existing secret with {@code change} of its value, serialized with every other
   * control write on the store; returns the value stored.
   */
  String update(String name, java.util.function.UnaryOperator<String> change);
}
