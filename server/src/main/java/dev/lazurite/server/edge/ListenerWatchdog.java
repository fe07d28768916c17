package dev.lazurite.server.edge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Checks every listener periodically and restarts one that stopped accepting. */
public final class ListenerWatchdog implements AutoCloseable {
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon(true).name("lazurite-listener-watchdog").factory());

  public ListenerWatchdog(Duration period) {
    scheduler.scheduleWithFixedDelay(
        () -> listeners.forEach(Listener::check),
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  public void watch(Listener listener) {
    listeners.add(listener);
  }

  public void unwatch(Listener listener) {
    listeners.remove(listener);
  }

  /** Every watched listener, in the order they were added. */
  public List<Listener> listeners() {
    return List.copyOf(listeners);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
