package dev.lazurite.runtime;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Holds the current runtime snapshot; the control plane swaps in each new one atomically. */
public final class Snapshots implements Supplier<RuntimeSnapshot> {
  private final AtomicReference<RuntimeSnapshot> current =
      new AtomicReference<>(RuntimeSnapshot.EMPTY);

  @Override
  public RuntimeSnapshot get() {
    return current.get();
  }

  public void publish(RuntimeSnapshot snapshot) {
    current.set(snapshot);
  }
}
