package dev.lazurite.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Holds the current runtime snapshot; the control plane swaps in each new one atomically. A
 * snapshot carries the version of the store it was built from; a snapshot older than the one in
 * force is never swapped in.
 */
public final class Snapshots implements Supplier<RuntimeSnapshot> {
  private final AtomicReference<RuntimeSnapshot> current =
      new AtomicReference<>(RuntimeSnapshot.EMPTY);
  private final Versions versions;
  private volatile Consumer<RuntimeSnapshot> observer = s -> {};

  /** Where snapshot versions come from: the store that every instance on it shares. */
  public interface Versions {
    /** The version the store holds now. */
    long current();

    /** Marks a change and returns the new version. */
    long bump();
  }

  /** Snapshots versioned in memory: one instance, nothing shared. */
  public Snapshots() {
    this(inMemory());
  }

  public Snapshots(Versions versions) {
    this.versions = versions;
  }

  @Override
  public RuntimeSnapshot get() {
    return current.get();
  }

  /** The version for a snapshot built after a change made here. */
  public long nextVersion() {
    return versions.bump();
  }

  /** The version for a snapshot rebuilt because the store changed elsewhere. */
  public long storedVersion() {
    return versions.current();
  }

  /** Swaps the snapshot in, unless a newer one is already in force. */
  public void publish(RuntimeSnapshot snapshot) {
    RuntimeSnapshot before =
        current.getAndAccumulate(
            snapshot, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    if (snapshot.version() >= before.version()) {
      observer.accept(snapshot);
    }
  }

  /** Called with each new snapshot, after it is in force (e.g. to open private endpoints). */
  public void observe(Consumer<RuntimeSnapshot> observer) {
    this.observer = observer;
    observer.accept(current.get());
  }

  private static Versions inMemory() {
    AtomicLong version = new AtomicLong();
    return new Versions() {
      @Override
      public long current() {
        return version.get();
      }

      @Override
      public long bump() {
        return version.incrementAndGet();
      }
    };
  }
}
