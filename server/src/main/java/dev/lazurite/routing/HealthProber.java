package dev.lazurite.routing;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active health probes: every interval, each pooled backend whose breaker is open (and whose
 * upstream's {@code Retry-After} has passed) is asked whether it answers; one that does has its
 * breaker closed at once instead of waiting out its open time. Runs on one virtual thread.
 */
public final class HealthProber implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthProber.class);

  private final Thread thread;

  /**
   * @param members the pool members of the current snapshot, read on every round
   */
  public HealthProber(Duration interval, Supplier<Collection<PoolMember>> members) {
    this.thread =
        Thread.ofVirtual()
            .name("lazurite-health-probes")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      Thread.sleep(interval);
                    } catch (InterruptedException e) {
                      return;
                    }
                    probe(members.get());
                  }
                });
  }

  /** One round of probes. */
  public static void probe(Collection<PoolMember> members) {
    for (PoolMember member : members) {
      if (member.breaker().probeDue() && member.backend().probe()) {
        LOG.info("backend {} answers its health probe again: breaker closed", member.name());
        member.breaker().recordProbeSuccess();
      }
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
