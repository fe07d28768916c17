package dev.lazurite.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The links of a stream's records, hashed on every core while the chain is checked in order: the
 * records are read in batches on the caller's thread (a database cursor stays on its thread), each
 * batch is hashed by a worker with its own digest, and the links come back in stored order. A
 * record that cannot be read or hashed throws when its turn comes, not before, so the records ahead
 * of it are checked first.
 *
 * @param <T> what the source yields: a stored record, a JSON line
 */
final class HashedLinks<T> implements Iterator<Link>, AutoCloseable {
  /** Makes one item's link, hashing its canonical text with the worker's own digest. */
  interface Hasher<T> {
    Link link(T item, Canonical canonical);
  }

  private static final int BATCH = 1024;

  private final Iterator<T> source;
  private final Hasher<T> hasher;
  private final ExecutorService workers;
  private final int depth;
  private final ArrayDeque<Future<Object[]>> inFlight = new ArrayDeque<>();
  private Object[] current = new Object[0];
  private int index;
  private boolean sourceDone;

  HashedLinks(Iterator<T> source, Hasher<T> hasher) {
    this.source = source;
    this.hasher = hasher;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.workers =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().daemon().name("audit-verify-", 0).factory());
    this.depth = 2 * threads + 1;
  }

  @Override
  public boolean hasNext() {
    while (index == current.length) {
      fill();
      Future<Object[]> next = inFlight.poll();
      if (next == null) {
        return false;
      }
      current = join(next);
      index = 0;
      fill();
    }
    return true;
  }

  @Override
  public Link next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object item = current[index++];
    if (item instanceof RuntimeException e) {
      throw e;
    }
    return (Link) item;
  }

  /** The next link without taking it. */
  Link peek() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (current[index] instanceof RuntimeException e) {
      throw e;
    }
    return (Link) current[index];
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** Reads batches from the source until enough are being hashed. */
  private void fill() {
    while (!sourceDone && inFlight.size() < depth) {
      List<T> items = new ArrayList<>(BATCH);
      RuntimeException failure = null;
      try {
        while (items.size() < BATCH && source.hasNext()) {
          items.add(source.next());
        }
      } catch (RuntimeException e) {
        failure = e;
      }
      sourceDone = failure != null || items.size() < BATCH;
      RuntimeException tail = failure;
      inFlight.add(workers.submit(() -> hash(items, tail)));
    }
  }

  private Object[] hash(List<T> items, RuntimeException tail) {
    var canonical = new Canonical();
    Object[] out = new Object[items.size() + (tail == null ? 0 : 1)];
    for (int i = 0; i < items.size(); i++) {
      try {
        out[i] = hasher.link(items.get(i), canonical);
      } catch (RuntimeException e) {
        out[i] = e;
      }
    }
    if (tail != null) {
      out[out.length - 1] = tail;
    }
    return out;
  }

  private static Object[] join(Future<Object[]> batch) {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("audit verification was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("an audit record could not be hashed", e.getCause());
    }
  }
}
