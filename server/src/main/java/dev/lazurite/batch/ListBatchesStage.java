package dev.lazurite.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code GET /batches}: the resource's batches, newest first, Azure's default page of 20. */
public final class ListBatchesStage implements Stage {
  static final int PAGE = 20;

  private final BatchService batches;

  public ListBatchesStage(BatchService batches) {
    this.batches = batches;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    List<Batch> page =
        batches.list(exchange.account().account().name(), Optional.empty(), PAGE + 1);
    List<ObjectNode> data = new ArrayList<>();
    for (Batch batch : page.subList(0, Math.min(PAGE, page.size()))) {
      data.add(BatchJson.batch(batch, batches.counts(batch)));
    }
    return Response.Json.ok(BatchJson.list(data, page.size() > PAGE));
  }
}
