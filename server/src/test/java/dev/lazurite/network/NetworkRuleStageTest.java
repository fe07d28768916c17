package dev.lazurite.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingGraph;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRuleStageTest {
  final TestingGraph graph =
      new TestingGraph().deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend());
  final NetworkRuleStage stage = new NetworkRuleStage(graph::snapshot);

  Exchange from(Origin origin) {
    return new Exchange(
        new Exchange.Request(
            "req",
            Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-4o", "2024-10-21"),
            Map.of("api-key", TestingGraph.KEY),
            new byte[0],
            origin,
            System.nanoTime()));
  }

  static Origin.Remote client(String address) throws Exception {
    InetAddress ip = InetAddress.getByName(address);
    return new Origin.Remote(
        ip, ip, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), true);
  }

  Response run(Exchange exchange) {
    return stage.handle(exchange, e -> Response.Json.ok("through"));
  }

  @Test
  void anOpenAccountLetsAnyClientThrough() throws Exception {
    assertThat(((Response.Json) run(from(client("203.0.113.9")))).body()).isEqualTo("through");
  }

  @Test
  void publicAccessDisabledRefusesTheKeysAccountWithAzures403() throws Exception {
    graph.network("acct", new NetworkRules(false, true, List.of()));
    assertThatThrownBy(() -> run(from(client("203.0.113.9"))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PUBLIC_ACCESS_DISABLED));
  }

  @Test
  void anIpRuleAdmitsOnlyItsRange() throws Exception {
    graph.network("acct", new NetworkRules(true, true, List.of(Cidr.parse("198.51.100.0/24"))));
    assertThat(((Response.Json) run(from(client("198.51.100.7")))).body()).isEqualTo("through");
    assertThatThrownBy(() -> run(from(client("203.0.113.9"))))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NETWORK_DENIED));
  }

  @Test
  void aCallThisServerMakesForAnAccountCrossesNoNetworkRule() {
    graph.network("acct", new NetworkRules(false, true, List.of()));
    assertThat(((Response.Json) run(from(new Origin.Internal("acct", "indexer")))).body())
        .isEqualTo("through");
  }
}
