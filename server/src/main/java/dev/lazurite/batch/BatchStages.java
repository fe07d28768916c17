package dev.lazurite.batch;

import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Stage;
import java.util.Map;

/** The stage that answers each Batch API operation. */
public final class BatchStages {
  private BatchStages() {}

  public static Map<Operation, Stage> of(BatchService batches) {
    return Map.of(
        Operation.BATCHES_CREATE, new CreateBatchStage(batches),
        Operation.BATCHES_LIST, new ListBatchesStage(batches),
        Operation.BATCHES_GET, new GetBatchStage(batches),
        Operation.BATCHES_CANCEL, new CancelBatchStage(batches));
  }
}
