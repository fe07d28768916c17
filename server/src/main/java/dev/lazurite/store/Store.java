package dev.lazurite.store;

import java.util.function.Supplier;

/**
 * The whole durable state: control plane, identities, search services, usage, and the snapshot
 * version every instance sharing the database follows.
 *
 * <p>A control write is one transaction: {@code store.inTransaction(() -> { validate; write; write;
 * })}. Every store call the work makes on the calling thread joins that transaction, and the
 * transaction bumps the snapshot version before it commits, so the change and the new version
 * become visible together and other instances rebuild their runtime snapshot from it. The version
 * row is written first, so control writes are serialized across all instances on the database. A
 * call made outside {@code inTransaction} is its own transaction.
 *
 * <p>After the transaction commits, the control plane swaps in the new snapshot with {@code
 * ControlPlane.reload()} (the version is already bumped); {@code ControlPlane.publish()} bumps it
 * once more, which costs other instances one extra rebuild and nothing else.
 */
public interface Store extends AutoCloseable {
  ControlStore control();

  IdentityStore identity();

  SearchServiceStore searchServices();

  UsageStore usage();

  /** Secrets every instance shares (token signing keys, the admin credential), sealed at rest. */
  SharedSecrets secrets();

  /** The current snapshot version: changes whenever a control write commits. */
  long version();

  /** Marks a change: bumps the snapshot version and tells instances listening for it. */
  long bumpVersion();

  /** Runs {@code work} as one transaction that also bumps the snapshot version. */
  <T> T inTransaction(Supplier<T> work);

  /** Waits until the version may have changed or {@code millis} passed; false when interrupted. */
  boolean awaitChange(long millis);

  /** Where the store lives, password left out. */
  String describe();

  @Override
  void close();
}
