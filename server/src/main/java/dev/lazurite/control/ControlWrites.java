package dev.lazurite.control;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the control plane's writes in this process. Each write checks its invariants (unique
 * names, quota, a backend or blocklist still in use) against the store and then writes; until the
 * store runs each write in one transaction, this lock is what keeps two writes from interleaving
 * between the check and the write. A write is one {@code try (var write = writes.begin())} block.
 */
final class ControlWrites {
  private final ReentrantLock lock = new ReentrantLock();

  /** Holds the lock until closed. */
  final class Write implements AutoCloseable {
    private Write() {
      lock.lock();
    }

    @Override
    public void close() {
      lock.unlock();
    }
  }

  Write begin() {
    return new Write();
  }
}
