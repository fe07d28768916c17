package dev.lazurite.batch;

import dev.lazurite.api.ApiVersion;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /batches}: a new batch, {@code validating}. Versions from 2025-04-01-preview answer
 * 201 as Azure does, older ones and v1 200; the deployment's enqueued tokens and their limit come
 * back as headers when the deployment is known.
 */
public final class CreateBatchStage implements Stage {
  static final String CREATED_SINCE = "2025-04-01";

  private final BatchService batches;

  public CreateBatchStage(BatchService batches) {
    this.batches = batches;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    var request = CreateBatchRequest.parse(exchange.request().body());
    var created =
        batches.create(exchange.account(), exchange.route().deploymentFromPath(), request);
    Map<String, String> headers = new LinkedHashMap<>();
    created
        .enqueued()
        .ifPresent(
            a -> {
              headers.put("deployment-enqueued-tokens", Long.toString(a.enqueued()));
              headers.put("deployment-maximum-enqueued-tokens", Long.toString(a.limit()));
            });
    Route route = exchange.route();
    int status =
        route.style() == Route.Style.DATED
                && ApiVersion.dateOf(route.apiVersion()).compareTo(CREATED_SINCE) >= 0
            ? 201
            : 200;
    return new Response.Json(
        status, headers, BatchJson.batch(created.batch(), created.batch().counts()), 0, 0);
  }
}
