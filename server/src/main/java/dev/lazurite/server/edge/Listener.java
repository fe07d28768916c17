package dev.lazurite.server.edge;

import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening socket, as its own Helidon server so that it can be restarted alone. Helidon 4.5
 * stops a listener for good when {@code accept} fails for any reason but a closed socket, such as
 * {@code EMFILE} (too many open files) while clients hold every descriptor; {@link #check} finds a
 * listener that no longer accepts and starts it again on the same port.
 */
public final class Listener {
  private static final Logger LOG = LoggerFactory.getLogger(Listener.class);
  private static final int PROBE_TIMEOUT_MS = 1000;

  private final String name;
  private final String host;
  private final IntFunction<WebServer> factory;
  private final int port;
  private volatile WebServer server;
  private volatile boolean serving = true;
  private volatile int restarts;
  private boolean stopped;

  private Listener(String name, String host, IntFunction<WebServer> factory, WebServer server) {
    this.name = name;
    this.host = host;
    this.factory = factory;
    this.server = server;
    this.port = server.port();
  }

  /**
   * Starts a listener.
   *
   * @param factory builds the (unstarted) server for a port; called again on a restart
   */
  public static Listener start(String name, String host, int port, IntFunction<WebServer> factory) {
    WebServer server = factory.apply(port).start();
    if (!server.isRunning() || server.port() < 0) {
      server.stop();
      throw new IllegalStateException(
          "cannot listen on %s port %d (%s): is another server using it?"
              .formatted(host, port, name));
    }
    return new Listener(name, host, factory, server);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public boolean hasTls() {
    return server.hasTls();
  }

  /** Whether the last check found the listener accepting connections. */
  public boolean serving() {
    return serving;
  }

  public int restarts() {
    return restarts;
  }

  /** Probes the port; restarts the listener when nothing accepts on it any more. */
  synchronized void check() {
    if (stopped || probe()) {
      serving = true;
      return;
    }
    serving = false;
    LOG.warn("listener {} on port {} stopped accepting connections; restarting it", name, port);
    try {
      server.stop();
    } catch (RuntimeException e) {
      LOG.debug("stopping the dead listener {} failed: {}", name, e.toString());
    }
    try {
      server = factory.apply(port).start();
      serving = true;
      restarts++;
      LOG.info("listener {} serves again on port {}", name, port);
    } catch (RuntimeException e) {
      LOG.warn("listener {} could not restart yet: {}", name, e.toString());
    }
  }

  /** True unless the port refuses connections (a full backlog or our own EMFILE is not a "no"). */
  private boolean probe() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(probeHost(), port), PROBE_TIMEOUT_MS);
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  private String probeHost() {
    return switch (host) {
      case "0.0.0.0" -> "127.0.0.1";
      case "::", "[::]" -> "::1";
      default -> host;
    };
  }

  public synchronized void stop() {
    stopped = true;
    server.stop();
  }
}
