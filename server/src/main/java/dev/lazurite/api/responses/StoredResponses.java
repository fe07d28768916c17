package dev.lazurite.api.responses;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.RouteTemplate;
import java.time.Clock;

/** Finds the stored response a route names, as its caller on its resource sees it. */
final class StoredResponses {
  private final ResponseStore store;
  private final Clock clock;
  private final BackgroundResponses background;

  StoredResponses(ResponseStore store, Clock clock, BackgroundResponses background) {
    this.store = store;
    this.clock = clock;
    this.background = background;
  }

  /**
   * The named response as it now is (a background response whose instance died is failed); another
   * resource's or another principal's is not found.
   */
  StoredResponse named(Exchange exchange) {
    String id = id(exchange);
    return store
        .find(resource(exchange), owner(exchange), id, clock.instant().getEpochSecond())
        .map(background::current)
        .orElseThrow(() -> notFound(id));
  }

  boolean delete(Exchange exchange) {
    named(exchange);
    return store.delete(resource(exchange), owner(exchange), id(exchange));
  }

  static String id(Exchange exchange) {
    return exchange.route().param(RouteTemplate.RESPONSE_ID).orElseThrow();
  }

  static ApiException notFound(String id) {
    return ApiException.of(ErrorCode.RESPONSE_NOT_FOUND, id);
  }

  private static String resource(Exchange exchange) {
    return exchange.account().account().name();
  }

  private static String owner(Exchange exchange) {
    return Owners.of(exchange.principal());
  }
}
