package dev.lazurite.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs the control plane's writes. Each write checks its invariants (unique names, quota, a backend
 * or blocklist still in use) against the store and then writes, all in one store transaction: a
 * refused or failed write leaves nothing behind, and the transaction's version bump tells every
 * instance on the database that something changed. A lock serializes this process's writes; the
 * store's version row serializes them across instances. What must happen once the write is durable
 * (rebuilding the snapshot, telling listeners) is deferred with {@link #afterCommit} until the
 * transaction commits.
 */
final class ControlWrites {
  /** The store's transactions: {@code work} and every store call it makes commit together. */
  interface Transactions {
    <T> T inTransaction(Supplier<T> work);
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Transactions transactions;
  private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

  ControlWrites(Transactions transactions) {
    this.transactions = transactions;
  }

  /** Runs {@code work} as one write; a write started inside another joins it. */
  <T> T run(Supplier<T> work) {
    if (pending.get() != null) {
      return work.get();
    }
    List<Runnable> after = new ArrayList<>();
    T result;
    lock.lock();
    try {
      pending.set(after);
      result = transactions.inTransaction(work);
    } finally {
      pending.remove();
      lock.unlock();
    }
    after.forEach(Runnable::run);
    return result;
  }

  /**
   * Defers {@code action} until the current write commits (it is dropped if the write fails).
   *
   * @return false when no write is in progress on this thread (nothing was deferred)
   */
  boolean afterCommit(Runnable action) {
    List<Runnable> after = pending.get();
    if (after == null) {
      return false;
    }
    after.add(action);
    return true;
  }
}
