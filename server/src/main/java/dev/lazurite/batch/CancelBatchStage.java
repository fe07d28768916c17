package dev.lazurite.batch;

import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;

/** {@code POST /batches/{batch-id}/cancel}: the batch, {@code cancelling} with its time. */
public final class CancelBatchStage implements Stage {
  private final BatchService batches;

  public CancelBatchStage(BatchService batches) {
    this.batches = batches;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    String id = exchange.route().param(GetBatchStage.BATCH_ID).orElseThrow();
    Batch batch = batches.cancel(exchange.account().account().name(), id);
    return Response.Json.ok(BatchJson.batch(batch, batches.counts(batch)));
  }
}
