package dev.lazurite.control.event;

import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The control plane's write path, for the services that keep their own part of the store
 * (identities, search services). A write validates everything and writes inside {@link #write}: one
 * store transaction that also bumps the snapshot version, so every instance on the database
 * rebuilds from it. Once the transaction commits, this instance swaps in the new snapshot and each
 * {@link ControlEventListener} hears the one event the write named with {@link #committed}.
 */
public interface ControlWriter {
  /** Runs {@code work} as one write; a write started inside another joins it. */
  <T> T write(Supplier<T> work);

  /**
   * Names what the running write changed. Once it commits, the snapshot is rebuilt and the
   * listeners hear one event; if it fails, nothing is heard.
   */
  void committed(String resourceId, ControlEvent.Operation operation);

  /**
   * Calls {@code refresh} with each snapshot version before that snapshot is in force on this
   * instance (whether the change was made here or through another instance), so that what a service
   * keeps in memory is never older than the snapshot requests are decided on. A refresh that throws
   * leaves the older snapshot in force, and the rebuild is tried again.
   */
  void beforeEachSnapshot(LongConsumer refresh);
}
