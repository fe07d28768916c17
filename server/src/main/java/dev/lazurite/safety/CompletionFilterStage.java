package dev.lazurite.safety;

import dev.lazurite.api.ApiVersion;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;

/**
 * Content safety on the way out: screens what the model answers, whole or as it streams, and writes
 * Azure's annotations from the screenings the request brought in (its prompts', and the retrieved
 * documents' shield for On Your Data). It sits next to the backend, inside retrieval, so it sees
 * the grounded request; requests the prompt filter did not screen pass untouched.
 */
public final class CompletionFilterStage implements Stage {
  private final ContentSafety safety;

  public CompletionFilterStage(ContentSafety safety) {
    this.safety = safety;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    var screenings = exchange.screenings();
    if (screenings.isEmpty()) {
      return chain.proceed(exchange);
    }
    FilterPolicy policy = exchange.deployment().filter();
    Response response = chain.proceed(exchange);
    var filter =
        new ResponseFilter(
            safety,
            policy,
            screenings.get().prompts(),
            annotates(exchange.route()),
            screenings.get().documents());
    return switch (response) {
      case Response.Json json -> filter.whole(json);
      case Response.Stream stream ->
          stream.withEvents(
              policy.asynchronous()
                  ? new AsynchronousStream(filter, stream.events())
                  : new HeldBackStream(filter, stream.events()));
      case Response.Bytes bytes -> bytes;
    };
  }

  /**
   * Whether responses carry annotations: previews from 2023-06-01-preview, GA from 2024-02-01, and
   * the v1 routes. Filtering itself applies to every version.
   */
  static boolean annotates(Route route) {
    if (route.style() == Route.Style.V1) {
      return true;
    }
    String version = route.apiVersion();
    String date = ApiVersion.dateOf(version);
    return version.endsWith("-preview")
        ? date.compareTo("2023-06-01") >= 0
        : date.compareTo("2024-02-01") >= 0;
  }
}
