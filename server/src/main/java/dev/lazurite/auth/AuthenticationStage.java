package dev.lazurite.auth;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds who is calling: an {@code api-key} header, an API key sent as {@code Authorization: Bearer}
 * (what OpenAI clients send on v1 routes), or an Entra-style access token. Both are resolved
 * against the resource the endpoint names ({@link EndpointResource}): a key of another resource is
 * refused as Azure refuses it, and a token is authorised against that resource's role assignments.
 * At the bare listener root a key names its own resource and a token reaches the default one. Keys
 * are never read from the query string; an account with {@code disableLocalAuth} refuses keys with
 * Azure's 403.
 */
public final class AuthenticationStage implements Stage {
  /** The account tokens reach when the endpoint names none. */
  public static final String DEFAULT_ACCOUNT = EndpointResource.DEFAULT_ACCOUNT;

  private final Supplier<RuntimeSnapshot> snapshot;
  private final TokenValidator tokens;

  public AuthenticationStage(Supplier<RuntimeSnapshot> snapshot, TokenValidator tokens) {
    this.snapshot = snapshot;
    this.tokens = tokens;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    RuntimeSnapshot current = snapshot.get();
    return switch (exchange.request().origin()) {
      case Origin.Remote remote -> remote(exchange, remote, current, chain);
      case Origin.Internal internal -> {
        // A component of this server acts for the account it names, and for no other.
        AccountRuntime account =
            current
                .account(internal.account())
                .orElseThrow(() -> ApiException.of(ErrorCode.DEPLOYMENT_NOT_FOUND));
        // A portal page calling for a signed-in user is that user's call, checked as a token's.
        Principal caller =
            internal
                .onBehalfOf()
                .<Principal>map(user -> user)
                .orElseGet(() -> new Principal.Internal(internal.account(), internal.purpose()));
        yield chain.proceed(exchange.withCaller(caller, account));
      }
    };
  }

  private Response remote(
      Exchange exchange, Origin.Remote remote, RuntimeSnapshot current, Chain chain) {
    var request = exchange.request();
    String host = request.header("host").orElse("");
    Optional<AccountRuntime> named = EndpointResource.named(remote, host, current);
    String apiKey = request.header("api-key").orElse(null);
    if (apiKey != null) {
      return withKey(apiKey, named, current, exchange, chain, ErrorCode.INVALID_KEY);
    }
    String authorization = request.header("authorization").orElse("");
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.of(ErrorCode.INVALID_KEY);
    }
    String bearer = authorization.substring(7).strip();
    if (!looksLikeJwt(bearer)) {
      return withKey(
          bearer,
          named,
          current,
          exchange,
          chain,
          exchange.route().style() == Route.Style.V1
              ? ErrorCode.INVALID_KEY
              : ErrorCode.INVALID_TOKEN);
    }
    if (!remote.secure() && !remote.peer().isLoopbackAddress()) {
      // A token sent in clear text from another host may have been read on the way: refuse it.
      throw ApiException.of(ErrorCode.INVALID_TOKEN);
    }
    Principal.Entra principal =
        tokens.validate(bearer).orElseThrow(() -> ApiException.of(ErrorCode.INVALID_TOKEN));
    AccountRuntime account =
        named
            .or(() -> EndpointResource.orDefault(remote, host, current))
            .orElseThrow(() -> ApiException.of(ErrorCode.INVALID_TOKEN));
    return chain.proceed(exchange.withCaller(principal, account));
  }

  private static Response withKey(
      String key,
      Optional<AccountRuntime> named,
      RuntimeSnapshot snapshot,
      Exchange exchange,
      Chain chain,
      ErrorCode failure) {
    RuntimeSnapshot.KeyBinding binding =
        snapshot.findKey(key).orElseThrow(() -> ApiException.of(failure));
    if (named.isPresent() && !named.get().account().name().equals(binding.account())) {
      // A key is valid only for its own resource's endpoint.
      throw ApiException.of(failure);
    }
    AccountRuntime account =
        snapshot.account(binding.account()).orElseThrow(() -> ApiException.of(failure));
    if (account.account().disableLocalAuth()) {
      throw ApiException.of(ErrorCode.LOCAL_AUTH_DISABLED);
    }
    return chain.proceed(
        exchange.withCaller(new Principal.ApiKey(binding.account(), binding.keyName()), account));
  }

  /** A JWT has three base64url parts separated by dots. */
  static boolean looksLikeJwt(String value) {
    int first = value.indexOf('.');
    return first > 0 && value.indexOf('.', first + 1) > first + 1;
  }
}
