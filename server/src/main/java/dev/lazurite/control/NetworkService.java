package dev.lazurite.control;

import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.store.ControlStore;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** An account's private endpoints: listener addresses bound to it, opened when published. */
public final class NetworkService {
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$");

  private final ControlStore store;
  private final Clock clock;
  private final ControlWrites writes;
  private final ControlPlane.Commits commits;

  NetworkService(
      ControlStore store, Clock clock, ControlWrites writes, ControlPlane.Commits commits) {
    this.store = store;
    this.clock = clock;
    this.writes = writes;
    this.commits = commits;
  }

  public List<dev.lazurite.network.PrivateEndpoint> privateEndpoints(Account account) {
    return store.privateEndpoints().stream()
        .filter(e -> e.account().equals(account.name()))
        .toList();
  }

  /** Binds a listener address to the account; the listener opens when the snapshot is published. */
  public dev.lazurite.network.PrivateEndpoint createPrivateEndpoint(
      Account account,
      String name,
      String address,
      int port,
      java.util.Optional<dev.lazurite.network.Cidr> source) {
    return writes.run(
        () -> {
          if (!NAME.matcher(name).matches()) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_NAME,
                "Private endpoint name '%s' is invalid.".formatted(name));
          }
          try {
            var parsed = java.net.InetAddress.getByName(address);
            if (!address.equals(parsed.getHostAddress()) && !address.contains(":")) {
              throw new IllegalArgumentException();
            }
          } catch (java.io.IOException | IllegalArgumentException e) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY,
                "The address '%s' is not an IP address.".formatted(address));
          }
          if (port < 1 || port > 65535) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY, "The port must be 1..65535, got %d.".formatted(port));
          }
          boolean taken =
              store.privateEndpoints().stream()
                  .anyMatch(
                      e ->
                          (e.account().equals(account.name()) && e.name().equals(name))
                              || (e.address().equals(address) && e.port() == port));
          if (taken) {
            throw ApiException.of(
                ErrorCode.ARM_CONFLICT,
                "A private endpoint with this name or address already exists.");
          }
          var endpoint =
              new dev.lazurite.network.PrivateEndpoint(
                  account.name(), name, address, port, source, clock.instant());
          store.insertPrivateEndpoint(endpoint);
          commits.committed(
              account.armId() + "/privateEndpoints/" + name, ControlEvent.Operation.CREATE);
          return endpoint;
        });
  }

  public boolean deletePrivateEndpoint(Account account, String name) {
    return writes.run(
        () -> {
          boolean deleted = store.deletePrivateEndpoint(account.name(), name);
          if (deleted) {
            commits.committed(
                account.armId() + "/privateEndpoints/" + name, ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }
}
