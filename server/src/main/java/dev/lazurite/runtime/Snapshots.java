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

  private volatile java.util.function.Consumer<RuntimeSnapshot> observer = s -> {};

  public void publish(RuntimeSnapshot snapshot) {
    current.set(snapshot);
    observer.accept(snapshot);
  }

  /** Called with each new snapshot, after it is in force (e.g. to open private endpoints). */
  public void observe(java.util.function.Consumer<RuntimeSnapshot> observer) {
    this.observer = observer;
    observer.accept(current.get());
  }
}
