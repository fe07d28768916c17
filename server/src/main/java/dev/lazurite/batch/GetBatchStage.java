package dev.lazurite.batch;

import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;

/** {@code GET /batches/{batch-id}}: the batch, with its lines counted so far while it runs. */
public final class GetBatchStage implements Stage {
  static final String BATCH_ID = "batch-id";

  private final BatchService batches;

  public GetBatchStage(BatchService batches) {
    this.batches = batches;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    String id = exchange.route().param(BATCH_ID).orElseThrow();
    Batch batch = batches.get(exchange.account().account().name(), id);
    return Response.Json.ok(BatchJson.batch(batch, batches.counts(batch)));
  }
}
