package dev.lazurite.testing;

import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Route;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Exchanges for stage unit tests. */
public final class TestingExchanges {
  private TestingExchanges() {}

  public static Exchange chat() {
    return of(
        Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-4o", "2024-10-21"),
        Map.of(),
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
  }

  public static Exchange of(Route route, Map<String, String> headers, String body) {
    return of(route, headers, body, Origin.Remote.loopback());
  }

  public static Exchange of(
      Route route, Map<String, String> headers, String body, InetAddress peer, boolean secure) {
    return of(
        route,
        headers,
        body,
        new Origin.Remote(
            peer,
            peer,
            new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            secure));
  }

  public static Exchange of(
      Route route, Map<String, String> headers, String body, Origin.Remote connection) {
    return new Exchange(
        new Exchange.Request(
            "req-1",
            route,
            headers,
            body.getBytes(StandardCharsets.UTF_8),
            connection,
            System.nanoTime()));
  }
}
