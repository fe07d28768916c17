package dev.lazurite.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hand-off of a usage record from sixteen request threads to one writer thread, as the usage
 * writer does it (a {@link LinkedBlockingQueue}: the writer waits in {@code poll} and takes batches
 * with {@code drainTo}) against a lock-free {@link ConcurrentLinkedQueue} whose writer parks when
 * it finds the queue empty and is unparked by the next producer. The writer here stores nothing, so
 * it drains as fast as it can: the worst case for contention on the queue.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
@State(Scope.Benchmark)
public class UsageHandoffBenchmark {
  @Param({"linkedBlockingQueue", "concurrentLinkedQueue"})
  public String queue;

  static final Object RECORD = new Object();

  LinkedBlockingQueue<Object> blocking;
  Queue<Object> lockFree;
  volatile boolean parked;
  volatile boolean running;
  Thread writer;

  @Setup
  public void setUp() {
    running = true;
    if (queue.equals("linkedBlockingQueue")) {
      blocking = new LinkedBlockingQueue<>();
      writer = Thread.ofPlatform().daemon().start(this::drainBlocking);
    } else {
      lockFree = new ConcurrentLinkedQueue<>();
      writer = Thread.ofPlatform().daemon().start(this::drainLockFree);
    }
  }

  @TearDown
  public void tearDown() throws InterruptedException {
    running = false;
    LockSupport.unpark(writer);
    writer.join();
  }

  @Benchmark
  @Threads(16)
  public void handOff() {
    if (blocking != null) {
      blocking.add(RECORD);
    } else {
      lockFree.add(RECORD);
      if (parked) {
        LockSupport.unpark(writer);
      }
    }
  }

  private void drainBlocking() {
    List<Object> batch = new ArrayList<>(512);
    while (running) {
      try {
        Object first = blocking.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          blocking.drainTo(batch, 511);
          batch.clear();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void drainLockFree() {
    List<Object> batch = new ArrayList<>(512);
    while (running) {
      Object next;
      while (batch.size() < 512 && (next = lockFree.poll()) != null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        parked = true;
        if (lockFree.isEmpty()) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        parked = false;
      }
      batch.clear();
    }
  }
}
