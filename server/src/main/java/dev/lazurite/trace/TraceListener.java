package dev.lazurite.trace;

import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Builds one {@link TraceRecord} per data-plane request from the pipeline's events (each stage's
 * start and duration, each backend attempt's start, first byte, end and status) and keeps it in the
 * {@link TraceLog} when the request's ledger closes. A record holds at most {@value #MAX_STAGES}
 * stages and {@value #MAX_ATTEMPTS} attempts, and at most {@value #MAX_LIVE} requests are followed
 * at once; past that a request's record carries its ledger's fields only.
 */
public final class TraceListener implements PipelineListener {
  static final int MAX_STAGES = 64;
  static final int MAX_ATTEMPTS = 16;
  static final int MAX_LIVE = 10_000;
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String NO_TRACE = "0".repeat(32);

  private final TraceLog log;
  private final Clock clock;
  private final Map<String, Live> live = new ConcurrentHashMap<>();

  /** A request's events so far, guarded by itself. */
  private static final class Live {
    final String traceId;
    final List<long[]> stageTimes = new ArrayList<>();
    final List<String> stageNames = new ArrayList<>();
    final List<Open> attempts = new ArrayList<>();
    final Map<String, Open> open = new HashMap<>();
    int dropped;

    Live(String traceId) {
      this.traceId = traceId;
    }
  }

  private static final class Open {
    final String backend;
    final long start;
    long firstByte = -1;
    long end = -1;
    int status;

    Open(String backend, long start) {
      this.backend = backend;
      this.start = start;
    }
  }

  public TraceListener(TraceLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void stageStart(Exchange exchange, String stage) {
    long now = System.nanoTime();
    String id = exchange.request().requestId();
    Live trace = live.get(id);
    if (trace == null) {
      if (live.size() >= MAX_LIVE) {
        return;
      }
      trace = live.computeIfAbsent(id, k -> new Live(traceId(exchange)));
    }
    synchronized (trace) {
      if (trace.stageNames.size() >= MAX_STAGES) {
        trace.dropped++;
        return;
      }
      trace.stageNames.add(stage);
      trace.stageTimes.add(new long[] {now, -1});
    }
  }

  @Override
  public void stageEnd(String requestId, String stage, long nanos) {
    Live trace = live.get(requestId);
    if (trace == null) {
      return;
    }
    synchronized (trace) {
      for (int i = trace.stageNames.size() - 1; i >= 0; i--) {
        long[] times = trace.stageTimes.get(i);
        if (times[1] < 0 && trace.stageNames.get(i).equals(stage)) {
          times[1] = nanos;
          return;
        }
      }
    }
  }

  @Override
  public void backendAttemptStart(String requestId, String backend) {
    long now = System.nanoTime();
    Live trace = live.get(requestId);
    if (trace == null) {
      return;
    }
    synchronized (trace) {
      if (trace.attempts.size() >= MAX_ATTEMPTS) {
        trace.dropped++;
        trace.open.remove(backend);
        return;
      }
      Open attempt = new Open(backend, now);
      trace.attempts.add(attempt);
      trace.open.put(backend, attempt);
    }
  }

  @Override
  public void backendFirstByte(String requestId, String backend) {
    long now = System.nanoTime();
    Live trace = live.get(requestId);
    if (trace == null) {
      return;
    }
    synchronized (trace) {
      Open attempt = trace.open.get(backend);
      if (attempt != null && attempt.firstByte < 0) {
        attempt.firstByte = now;
      }
    }
  }

  @Override
  public void backendAttemptEnd(String requestId, String backend, int status) {
    long now = System.nanoTime();
    Live trace = live.get(requestId);
    if (trace == null) {
      return;
    }
    synchronized (trace) {
      Open attempt = trace.open.remove(backend);
      if (attempt != null) {
        attempt.end = now;
        attempt.status = status;
      }
    }
  }

  @Override
  public void requestEnd(Ledger ledger) {
    close(ledger);
  }

  @Override
  public void requestFailed(Ledger ledger, Throwable cause) {
    close(ledger);
  }

  private void close(Ledger l) {
    Live trace = live.remove(l.requestId());
    long base = l.receivedNanos();
    List<TraceRecord.Stage> stages = new ArrayList<>();
    List<TraceRecord.Attempt> attempts = new ArrayList<>();
    String traceId = "";
    int dropped = 0;
    if (trace != null) {
      synchronized (trace) {
        traceId = trace.traceId;
        dropped = trace.dropped;
        for (int i = 0; i < trace.stageNames.size(); i++) {
          long[] times = trace.stageTimes.get(i);
          long duration = times[1] >= 0 ? times[1] : l.endedNanos() - times[0];
          stages.add(
              new TraceRecord.Stage(trace.stageNames.get(i), ms(times[0] - base), ms(duration)));
        }
        for (Open a : trace.attempts) {
          long end = a.end >= 0 ? a.end : l.endedNanos();
          attempts.add(
              new TraceRecord.Attempt(
                  a.backend,
                  ms(a.start - base),
                  a.firstByte >= 0 ? ms(a.firstByte - base) : -1,
                  ms(end - a.start),
                  a.status));
        }
      }
    }
    log.add(
        new TraceRecord(
            clock.instant(),
            l.resourceId(),
            l.operationName(),
            Integer.toString(l.status()),
            Math.round(l.latencyMillis()),
            l.requestId(),
            l.principal(),
            l.deployment(),
            l.model(),
            l.streamed(),
            Math.max(0, l.firstByteMillis()),
            traceId,
            stages,
            attempts,
            dropped));
  }

  private static double ms(long nanos) {
    return Math.max(0, nanos) / 1_000_000.0;
  }

  /** The trace id of a valid W3C {@code traceparent}, else empty. */
  static String traceId(Exchange exchange) {
    String header = exchange.request().header("traceparent").orElse("");
    var m = TRACEPARENT.matcher(header.strip());
    if (!m.matches() || m.group(1).equals(NO_TRACE) || header.startsWith("ff")) {
      return "";
    }
    return m.group(1);
  }
}
