package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upstream connections read and write through {@link YieldingConnection}'s streams: answers that
 * are there at once and answers that come later arrive whole, on virtual and platform threads, and
 * a kept-alive connection serves one request after another.
 */
class YieldingConnectionTest {
  private HttpServer upstream;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private UpstreamHttp http;

  @BeforeEach
  void start() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    upstream.createContext(
        "/echo",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          byte[] body = exchange.getRequestBody().readAllBytes();
          String delay = exchange.getRequestURI().getQuery();
          if (delay != null) {
            try {
              Thread.sleep(Long.parseLong(delay.substring("delay=".length())));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] answer =
              ("{\"echo\":" + new String(body, StandardCharsets.UTF_8) + "}").getBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    upstream.start();
    http = new UpstreamHttp(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    http.close();
    upstream.stop(0);
  }

  private String call(String query, int n) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/echo" + query);
    try (UpstreamHttp.Response response =
        http.post(uri, Map.of(), ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8))) {
      assertThat(response.status()).isEqualTo(200);
      return new String(response.bytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void oneVirtualThreadReusesItsConnectionForImmediateAndLateAnswers() throws Exception {
    List<String> answers = new ArrayList<>();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    for (int i = 0; i < 200; i++) {
                      answers.add(call(i % 50 == 0 ? "?delay=30" : "", i));
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    caller.join();

    assertThat(answers).hasSize(200);
    for (int i = 0; i < 200; i++) {
      assertThat(answers.get(i)).isEqualTo("{\"echo\":{\"n\":" + i + "}}");
    }
    assertThat(clientPorts).as("one kept-alive connection").hasSize(1);
  }

  @Test
  void manyVirtualThreadsAndAPlatformThreadEachGetTheirOwnAnswer() throws Exception {
    // Fewer callers than the JDK server keeps idle connections (200), so that none it closes is
    // handed to the last call.
    try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        int n = i;
        futures.add(callers.submit(() -> call(n % 7 == 0 ? "?delay=5" : "", n)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo("{\"echo\":{\"n\":" + i + "}}");
      }
    }
    assertThat(call("", 9_999)).isEqualTo("{\"echo\":{\"n\":9999}}");
  }
}
