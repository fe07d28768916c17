package dev.lazurite.server.edge;

import dev.lazurite.config.HttpLimits;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.http1.Http1ConnectionProvider;
import io.helidon.webserver.http2.Http2Config;
import io.helidon.webserver.http2.Http2ConnectionProvider;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps hostile clients from exhausting the listeners: counts open connections over every listener
 * and sheds those over the limit with a 503, and closes connections that wait too long for a
 * request line (idle), trickle their headers (slowloris) or their body. Helidon 4.5 has no header
 * or body timeout, and its idle timeout never sees a connection that has not sent a byte, so the
 * guard sits in front of Helidon's own HTTP/1.1 and HTTP/2 connections as the listener's only
 * connection selector.
 */
public final class ConnectionGuard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final int FALLBACK_MAX = 10_000;
  private static final int RESERVED_DESCRIPTORS = 64;

  private final HttpLimits limits;
  private final int maxConnections;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger shed = new AtomicInteger();
  private final Set<GuardedConnection> live = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper;

  public ConnectionGuard(HttpLimits limits) {
    this.limits = limits;
    this.maxConnections =
        limits.maxConnections() > 0 ? limits.maxConnections() : fromDescriptorLimit();
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon(true).name("lazurite-connection-guard").factory());
    long period = sweepPeriod(limits).toMillis();
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    LOG.debug("HTTP listeners accept up to {} connections", maxConnections);
  }

  /** The connection limit in force: configured, or derived from the file-descriptor limit. */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * How many sockets one listener may hold accepted at once: the limit plus room for those being
   * shed. Helidon stops accepting above it (they wait in the kernel's backlog), so that a burst
   * cannot outrun the guard, which only sees a connection once its thread runs, into EMFILE.
   */
  int acceptLimit() {
    return maxConnections + Math.max(16, maxConnections / 10);
  }

  /** Connections open now, over every listener. */
  public int openConnections() {
    return open.get();
  }

  /** Connections refused since start because the limit was reached. */
  public int shedConnections() {
    return shed.get();
  }

  HttpLimits limits() {
    return limits;
  }

  /** A new selector for one listener: the guard in front of HTTP/1.1 and HTTP/2. */
  ServerConnectionSelector selector(String listener, Http1Config http1Config) {
    var http2Config = Http2Config.create();
    var protocols = ProtocolConfigs.create(List.of(http1Config, http2Config));
    return new GuardedSelector(
        this,
        new Http1ConnectionProvider().create(listener, http1Config, protocols),
        new Http2ConnectionProvider().create(listener, http2Config, protocols));
  }

  /** Moves HTTP/1 connections between the phases the guard times. */
  Http1ConnectionListener phases() {
    return new Http1ConnectionListener() {
      @Override
      public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        GuardedConnection.current().ifPresent(c -> c.enter(GuardedConnection.Phase.HEADERS));
      }

      @Override
      public void headers(ConnectionContext ctx, Headers headers) {
        GuardedConnection.current().ifPresent(c -> c.enter(GuardedConnection.Phase.HANDLING));
      }
    };
  }

  boolean admit(GuardedConnection connection) {
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      if (shed.incrementAndGet() % 1000 == 1) {
        LOG.warn("{} connections are open, the limit: shedding new ones", maxConnections);
      }
      return false;
    }
    live.add(connection);
    return true;
  }

  void release(GuardedConnection connection) {
    if (live.remove(connection)) {
      open.decrementAndGet();
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    for (GuardedConnection connection : live) {
      try {
        connection.enforce(now, limits.idleTimeout(), limits.headerTimeout(), limits.bodyTimeout());
      } catch (RuntimeException e) {
        LOG.debug("closing an overdue connection failed: {}", e.toString());
      }
    }
  }

  private static Duration sweepPeriod(HttpLimits limits) {
    long shortest =
        Math.min(
            limits.idleTimeout().toMillis(),
            Math.min(limits.headerTimeout().toMillis(), limits.bodyTimeout().toMillis()));
    return Duration.ofMillis(Math.clamp(shortest / 4, 20, 1000));
  }

  /**
   * Three quarters of the descriptors still free at start (the class path, the store and the
   * indexes hold some already), less a reserve for files and outbound connections opened later.
   */
  private static int fromDescriptorLimit() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
      int derived = (int) Math.clamp(free * 3 / 4 - RESERVED_DESCRIPTORS, 16, FALLBACK_MAX);
      LOG.info(
          "HTTP listeners accept up to {} connections ({} of {} file descriptors in use)",
          derived,
          unix.getOpenFileDescriptorCount(),
          unix.getMaxFileDescriptorCount());
      return derived;
    }
    return FALLBACK_MAX;
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
