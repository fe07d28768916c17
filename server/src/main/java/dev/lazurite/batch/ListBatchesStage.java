package dev.lazurite.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /batches}: the resource's batches, newest first, at most {@code limit} (1 to 100,
 * Azure's default 20) after the {@code after} cursor (a batch id; an id the resource does not have
 * yields an empty page).
 */
public final class ListBatchesStage implements Stage {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final BatchService batches;

  public ListBatchesStage(BatchService batches) {
    this.batches = batches;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    var request = exchange.request();
    int limit = request.queryParam("limit").map(ListBatchesStage::limit).orElse(DEFAULT_LIMIT);
    Optional<String> after = request.queryParam("after").filter(a -> !a.isBlank());
    List<Batch> page = batches.list(exchange.account().account().name(), after, limit + 1);
    List<ObjectNode> data = new ArrayList<>();
    for (Batch batch : page.subList(0, Math.min(limit, page.size()))) {
      data.add(BatchJson.batch(batch, batches.counts(batch)));
    }
    return Response.Json.ok(BatchJson.list(data, page.size() > limit));
  }

  private static int limit(String value) {
    int limit;
    try {
      limit = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      limit = 0;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid(
          "Invalid value for 'limit': '%s'. It must be an integer from 1 to %d."
              .formatted(value, MAX_LIMIT),
          "limit",
          "invalid_value");
    }
    return limit;
  }
}
