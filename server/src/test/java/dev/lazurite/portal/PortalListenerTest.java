package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Plain HTTP serves the portal to this machine only; anyone else must use HTTPS. */
class PortalListenerTest {
  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void plainHttpFromAnotherAddressIsRefused() throws SocketException {
    Optional<InetAddress> address = nonLoopbackAddress();
    Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback address");
    try (var server = TestingServer.start(c -> c.toBuilder().host("0.0.0.0").build())) {
      int port = URI.create(server.endpoint()).getPort();
      var remote = new PortalClient("http://" + address.get().getHostAddress() + ":" + port);
      var refused = remote.get("/portal/sign-in");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("HTTPS");
      assertThat(PortalClient.setCookie(refused)).isEmpty();
      assertThat(remote.postRaw("/portal/sign-in", "credential=x").statusCode()).isEqualTo(403);
      var local = new PortalClient("http://127.0.0.1:" + port);
      assertThat(local.get("/portal/sign-in").statusCode()).isEqualTo(200);
    }
  }
}
