package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.EventStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Background responses ({@code background: true}): created {@code queued}, run off the request
 * thread (at most {@code capacity} at once on this instance; more is a 429), {@code in_progress}
 * while the model answers, then stored as they ended. The instance running one holds a lease on it,
 * renewed while it runs; a response whose lease lapsed (its instance died) is read as {@code
 * failed}. Cancelling one stops its work at the model's next event, on whichever instance runs it.
 */
final class BackgroundResponses {
  /** How long a running response's lease lasts without renewal. */
  static final Duration LEASE = Duration.ofSeconds(60);

  /** How many background responses one instance runs at once. */
  static final int CAPACITY = 32;

  private static final String DIED =
      "The server running this background response stopped before it finished. Please retry.";

  private final ResponseStore store;
  private final Clock clock;
  private final Semaphore permits;
  private final Executor executor = work -> Thread.ofVirtual().name("response-bg").start(work);
  private final Map<String, AtomicBoolean> stops = new ConcurrentHashMap<>();

  BackgroundResponses(ResponseStore store, Clock clock, int capacity) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.permits = new Semaphore(capacity);
  }

  Executor executor() {
    return executor;
  }

  /** Takes a place for one more background response, or answers 429. */
  void reserve() {
    if (!permits.tryAcquire()) {
      throw ApiException.of(
              ErrorCode.UPSTREAM_RATE_LIMITED,
              "Too many background responses are running. Try again in 10 seconds.")
          .withHeaders(Map.of("Retry-After", "10"));
    }
  }

  /** Gives back a place taken by {@link #reserve} for a response that will not run. */
  void release() {
    permits.release();
  }

  long leaseFromNow() {
    return clock.instant().getEpochSecond() + LEASE.toSeconds();
  }

  /** The run of one queued response; {@link #release} is done when its work ends. */
  Run start(StoredResponse queued) {
    return new Run(queued);
  }

  /** One background response's work, from {@code queued} to however it ended. */
  final class Run {
    private final StoredResponse queued;
    private final AtomicBoolean stop = new AtomicBoolean();

    private Run(StoredResponse queued) {
      this.queued = queued;
    }

    /**
     * The model's events, stopped at the next one once the response is cancelled (as when a client
     * leaves a stream, so what was produced so far is billed and the upstream released).
     */
    EventStream stoppable(EventStream model) {
      return sink ->
          model.writeTo(
              event -> {
                if (stop.get()) {
                  throw new Stopped();
                }
                sink.send(event);
              });
    }

    /**
     * The whole work: marks the response {@code in_progress}, keeps its lease while {@code events}
     * are produced (they store the response as it ended), and gives back its place at the end.
     */
    EventStream around(EventStream events) {
      return sink -> {
        String key = key(queued.resource(), queued.id());
        stops.put(key, stop);
        ObjectNode running = queued.body().deepCopy().put("status", "in_progress");
        Thread renewer = null;
        try {
          if (!store.replaceRunning(queued.with(running, queued.context(), leaseFromNow()))) {
            stop.set(true);
          }
          renewer = Thread.ofVirtual().start(() -> renew(queued, running, stop));
          events.writeTo(sink);
        } catch (Stopped stopped) {
          // Cancelled: the response stays as the cancel stored it.
        } finally {
          if (renewer != null) {
            renewer.interrupt();
          }
          stops.remove(key, stop);
          permits.release();
        }
      };
    }
  }

  private void renew(StoredResponse queued, ObjectNode running, AtomicBoolean stop) {
    Duration every = LEASE.dividedBy(4);
    while (!stop.get()) {
      try {
        Thread.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
      if (!store.replaceRunning(queued.with(running, queued.context(), leaseFromNow()))) {
        // Ended elsewhere: cancelled (here or on another instance) or finished.
        stop.set(true);
      }
    }
  }

  /**
   * Cancels a running response: it is stored {@code cancelled} and its work stops. Returns the
   * response as it now is (another way it ended, when it ended first).
   */
  StoredResponse cancel(StoredResponse response) {
    ObjectNode cancelled = response.body().deepCopy();
    cancelled.put("status", "cancelled");
    StoredResponse next = response.with(cancelled, response.context(), 0);
    if (store.replaceRunning(next)) {
      AtomicBoolean stop = stops.get(key(response.resource(), response.id()));
      if (stop != null) {
        stop.set(true);
      }
      return next;
    }
    return store
        .find(
            response.resource(), response.owner(), response.id(), clock.instant().getEpochSecond())
        .orElse(next);
  }

  /**
   * The response as readers see it: a running one whose lease lapsed is {@code failed} (and stored
   * so).
   */
  StoredResponse current(StoredResponse response) {
    long now = clock.instant().getEpochSecond();
    if (!response.running() || response.leaseUntil() > now) {
      return response;
    }
    ObjectNode failed = response.body().deepCopy();
    failed.put("status", "failed");
    failed.put("completed_at", now);
    failed.putObject("error").put("code", "server_error").put("message", DIED);
    StoredResponse next = response.with(failed, response.context(), 0);
    if (store.replaceRunning(next)) {
      return next;
    }
    return store.find(response.resource(), response.owner(), response.id(), now).orElse(next);
  }

  private static String key(String resource, String id) {
    return resource + '\n' + id;
  }

  /**
   * Thrown through the model's events to stop a cancelled response: to the stages it passes it is a
   * reader that went away.
   */
  private static final class Stopped extends java.io.UncheckedIOException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(new java.io.IOException("the background response was cancelled"));
    }
  }
}
