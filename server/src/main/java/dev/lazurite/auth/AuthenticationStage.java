package dev.lazurite.auth;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.util.function.Supplier;

/**
 * Finds who is calling from the {@code api-key} header, or an API key sent as {@code Authorization:
 * Bearer} (what OpenAI clients send on v1 routes). Keys are never read from the query string. A
 * missing or wrong key gets Azure's 401.
 */
public final class AuthenticationStage implements Stage {
  private final Supplier<RuntimeSnapshot> snapshot;

  public AuthenticationStage(Supplier<RuntimeSnapshot> snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    var request = exchange.request();
    RuntimeSnapshot current = snapshot.get();
    String apiKey = request.header("api-key").orElse(null);
    if (apiKey != null) {
      return proceedAs(apiKey, current, exchange, chain, ErrorCode.INVALID_KEY);
    }
    String authorization = request.header("authorization").orElse("");
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String bearer = authorization.substring(7).strip();
      ErrorCode failure =
          exchange.route().style() == Route.Style.V1 && !looksLikeJwt(bearer)
              ? ErrorCode.INVALID_KEY
              : ErrorCode.INVALID_TOKEN;
      return proceedAs(bearer, current, exchange, chain, failure);
    }
    throw ApiException.of(ErrorCode.INVALID_KEY);
  }

  private static Response proceedAs(
      String key, RuntimeSnapshot snapshot, Exchange exchange, Chain chain, ErrorCode failure) {
    RuntimeSnapshot.KeyBinding binding =
        snapshot.findKey(key).orElseThrow(() -> ApiException.of(failure));
    AccountRuntime account =
        snapshot.account(binding.account()).orElseThrow(() -> ApiException.of(failure));
    return chain.proceed(
        exchange.withCaller(new Principal.ApiKey(binding.account(), binding.keyName()), account));
  }

  /** A JWT has three base64url parts separated by dots. */
  static boolean looksLikeJwt(String value) {
    int first = value.indexOf('.');
    return first > 0 && value.indexOf('.', first + 1) > first + 1;
  }
}
