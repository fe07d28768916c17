package dev.lazurite.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTest {
  @Test
  void keepsRunningAfterARunFails() throws InterruptedException {
    var runs = new AtomicInteger();
    var third = new CountDownLatch(3);
    try (var task =
        Periodic.sweep(
            "periodic-test",
            Duration.ofMillis(5),
            "things",
            () -> {
              third.countDown();
              if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
              }
            })) {
      assertTrue(third.await(30, TimeUnit.SECONDS), "later runs still happen");
    }
  }

  @Test
  void closeStopsTheRuns() throws InterruptedException {
    var runs = new AtomicInteger();
    var first = new CountDownLatch(1);
    var task =
        Periodic.sweep(
            "periodic-test",
            Duration.ofMillis(5),
            "things",
            () -> {
              runs.incrementAndGet();
              first.countDown();
            });
    assertTrue(first.await(30, TimeUnit.SECONDS));
    task.close();
    int afterClose = runs.get();
    Thread.sleep(50);
    assertEquals(afterClose, runs.get(), "no run after close");
  }
}
