package dev.lazurite.bench;

import java.util.Locale;

/**
 * A forwarding proxy with no processing, to measure what an HTTP stack allows on its own: it reads
 * a POST's body, sends it to the upstream ({@code http://127.0.0.1:PORT}, same path) and answers
 * the upstream's status, content type and body. {@code bench/gateway.sh} runs it beside nginx and
 * Lazurite on the same stub.
 *
 * <ul>
 *   <li>{@code helidon}: Helidon's WebServer with Lazurite's listener settings and Lazurite's
 *       upstream client ({@code UpstreamHttp}), a virtual thread per request: what the pipeline
 *       costs on top of its own transport.
 *   <li>{@code netty}: Netty with the epoll transport, one event loop per core, and kept-alive
 *       upstream connections on the inbound connection's own event loop: what an event-loop design
 *       could reach.
 * </ul>
 *
 * <p>Usage: {@code BareProxy helidon|netty listen-port upstream-port}. Prints one line, {@code
 * bare-proxy MODE listening on PORT}, once it accepts connections, and serves until killed.
 */
public final class BareProxy {
  private BareProxy() {}

  /** The modes: each is a server on the listen port forwarding to the upstream port. */
  enum Mode {
    HELIDON,
    NETTY
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: BareProxy helidon|netty listen-port upstream-port");
      System.exit(2);
    }
    Mode mode;
    int port;
    int upstreamPort;
    try {
      mode = Mode.valueOf(args[0].toUpperCase(Locale.ROOT));
      port = Integer.parseInt(args[1]);
      upstreamPort = Integer.parseInt(args[2]);
    } catch (IllegalArgumentException e) {
      System.err.println("usage: BareProxy helidon|netty listen-port upstream-port");
      System.exit(2);
      return;
    }
    int bound =
        switch (mode) {
          case HELIDON -> BareHelidonProxy.start(port, upstreamPort);
          case NETTY -> BareNettyProxy.start(port, upstreamPort);
        };
    System.out.println("bare-proxy " + args[0].toLowerCase(Locale.ROOT) + " listening on " + bound);
    System.out.flush();
    // The servers' threads serve; this one waits to be killed.
    Thread.currentThread().join();
  }
}
