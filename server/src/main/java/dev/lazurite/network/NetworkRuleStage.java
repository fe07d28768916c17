package dev.lazurite.network;

import dev.lazurite.auth.EndpointResource;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Enforces each account's network rules before anyone is authenticated, as Azure's gateway does.
 * The account is the one the request's endpoint names (its path prefix, host name or private
 * endpoint). A request that arrived through one of that account's private endpoints is private (its
 * source range, if set, must contain the client); any other request is public and meets {@code
 * publicNetworkAccess} and the IP rules. The client is the socket peer unless a trusted proxy says
 * otherwise.
 */
public final class NetworkRuleStage implements Stage {
  private final Supplier<RuntimeSnapshot> snapshot;

  /** Whether the last snapshot seen restricts no public request; replaced with the snapshot. */
  private volatile Openness openness;

  public NetworkRuleStage(Supplier<RuntimeSnapshot> snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    if (!(exchange.request().origin() instanceof Origin.Remote connection)) {
      // A call this server makes for an account does not cross the network; one a portal page
      // makes for a browser meets the account's public rules at that browser's address.
      if (exchange.request().origin() instanceof Origin.Internal internal
          && internal.browser().isPresent()) {
        snapshot
            .get()
            .account(internal.account())
            .ifPresent(target -> enforcePublic(target, internal.browser().get()));
      }
      return chain.proceed(exchange);
    }
    RuntimeSnapshot current = snapshot.get();
    Optional<PrivateEndpoint> endpoint = current.privateEndpointAt(connection.local());
    if (endpoint.isEmpty() && allOpen(current)) {
      // No account restricts public requests: which account this one is for cannot matter (and
      // finding it by its key would hash the key once more than authentication does).
      return chain.proceed(exchange);
    }
    Optional<AccountRuntime> target = target(exchange, connection, current);
    if (target.isEmpty()) {
      return chain.proceed(exchange);
    }
    InetAddress client = connection.client();
    String account = target.get().account().name();
    if (endpoint.isPresent() && endpoint.get().account().equals(account)) {
      if (endpoint.get().sourceRange().filter(r -> !r.contains(client)).isPresent()) {
        throw ApiException.of(ErrorCode.NETWORK_DENIED);
      }
      return chain.proceed(exchange);
    }
    enforcePublic(target.get(), client);
    return chain.proceed(exchange);
  }

  /** Whether every account of {@code current} admits every public request; kept per snapshot. */
  private boolean allOpen(RuntimeSnapshot current) {
    Openness known = openness;
    if (known != null && known.snapshot() == current) {
      return known.open();
    }
    boolean open = true;
    for (AccountRuntime account : current.accounts().values()) {
      NetworkRules rules = account.account().network();
      open &= rules.publicAccess() && !rules.denyByDefault();
    }
    openness = new Openness(current, open);
    return open;
  }

  private record Openness(RuntimeSnapshot snapshot, boolean open) {}

  private static void enforcePublic(AccountRuntime target, InetAddress client) {
    switch (target.account().network().publicVerdict(client)) {
      case ALLOWED -> {}
      case PUBLIC_ACCESS_DISABLED -> throw ApiException.of(ErrorCode.PUBLIC_ACCESS_DISABLED);
      case FIREWALL -> throw ApiException.of(ErrorCode.NETWORK_DENIED);
    }
  }

  /**
   * The account a request is for: the one its endpoint's path or host name names, else its private
   * endpoint's, else its key's, else its host name's or the default one.
   */
  private static Optional<AccountRuntime> target(
      Exchange exchange, Origin.Remote connection, RuntimeSnapshot snapshot) {
    var request = exchange.request();
    Optional<AccountRuntime> named =
        EndpointResource.named(connection, request.header("host").orElse(""), snapshot);
    if (named.isPresent()) {
      return named;
    }
    String key = request.header("api-key").orElse("");
    if (key.isEmpty()) {
      String authorization = request.header("authorization").orElse("");
      key =
          authorization.regionMatches(true, 0, "Bearer ", 0, 7)
              ? authorization.substring(7).strip()
              : "";
    }
    Optional<RuntimeSnapshot.KeyBinding> binding =
        key.isEmpty() ? Optional.empty() : snapshot.findKey(key);
    if (binding.isPresent()) {
      return snapshot.account(binding.get().account());
    }
    return EndpointResource.orDefault(connection, request.header("host").orElse(""), snapshot);
  }
}
