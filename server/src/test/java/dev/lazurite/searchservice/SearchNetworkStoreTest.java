package dev.lazurite.searchservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.network.Cidr;
import dev.lazurite.store.sqlite.SqliteStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A search service's network settings survive a restart, and decide as Azure AI Search does. */
class SearchNetworkStoreTest {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  static SearchService service(SearchNetwork network) {
    return new SearchService("kb", "sub", "rg", "local", "basic", "p", "s", "q", NOW, network);
  }

  @Test
  void networkSettingsAreStoredAndReadBack() throws Exception {
    var db = Files.createTempDirectory("search-network").resolve("lazurite.db");
    var endpoint =
        new SearchPrivateEndpoint(
            "kb", "pe1", "10.1.0.5", 443, Optional.of(Cidr.parse("10.1.0.0/16")), NOW);
    var network =
        new SearchNetwork(false, List.of(Cidr.parse("203.0.113.0/24")), List.of(endpoint));
    try (var store = new SqliteStore(db)) {
      store.searchServices().put(service(SearchNetwork.OPEN));
      store.searchServices().put(service(network));
    }
    try (var store = new SqliteStore(db)) {
      var read = store.searchServices().get("kb").orElseThrow();
      assertThat(read.network()).isEqualTo(network);
      assertThat(read.network().privateEndpoints().getFirst().privateLinkHost())
          .isEqualTo("kb.privatelink.search.windows.net");
    }
  }

  @Test
  void decidesPublicPrivateAndFirewalledRequests() throws Exception {
    InetAddress inside = InetAddress.getByName("10.1.2.3");
    InetAddress outside = InetAddress.getByName("198.51.100.7");
    InetAddress allowed = InetAddress.getByName("203.0.113.9");
    var publicListener = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8443);
    var privateListener = new InetSocketAddress(InetAddress.getByName("10.1.0.5"), 443);
    var endpoint =
        new SearchPrivateEndpoint(
            "kb", "pe1", "10.1.0.5", 443, Optional.of(Cidr.parse("10.1.0.0/16")), NOW);

    assertThat(SearchNetwork.OPEN.admit(outside, publicListener))
        .isEqualTo(SearchNetwork.Verdict.ALLOWED);
    var firewalled = new SearchNetwork(true, List.of(Cidr.parse("203.0.113.0/24")), List.of());
    assertThat(firewalled.admit(outside, publicListener)).isEqualTo(SearchNetwork.Verdict.FIREWALL);
    assertThat(firewalled.admit(allowed, publicListener)).isEqualTo(SearchNetwork.Verdict.ALLOWED);
    var closed = new SearchNetwork(false, List.of(), List.of(endpoint));
    assertThat(closed.admit(allowed, publicListener))
        .isEqualTo(SearchNetwork.Verdict.PUBLIC_ACCESS_DISABLED);
    assertThat(closed.admit(inside, privateListener)).isEqualTo(SearchNetwork.Verdict.ALLOWED);
    assertThat(closed.admit(outside, privateListener)).isEqualTo(SearchNetwork.Verdict.FIREWALL);
  }
}
