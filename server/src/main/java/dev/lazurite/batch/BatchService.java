package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.files.FileObject;
import dev.lazurite.files.FilePurpose;
import dev.lazurite.files.FileService;
import dev.lazurite.runtime.AccountRuntime;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Batch API of every resource: creates batches (checking the input file and the deployment's
 * enqueued-token quota), finds, lists and cancels them. The work itself is the {@link
 * BatchRunner}'s. A batch of one resource is not found from another.
 */
public final class BatchService {
  private final BatchRepository batches;
  private final FileService files;
  private final Clock clock;
  private final Runnable wake;

  /**
   * @param wake tells this instance's runner there is work, so it need not wait for its next poll
   */
  public BatchService(BatchRepository batches, FileService files, Clock clock, Runnable wake) {
    this.batches = requireNonNull(batches, "batches is null");
    this.files = requireNonNull(files, "files is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.wake = requireNonNull(wake, "wake is null");
  }

  /**
   * A created batch and the quota it was admitted under.
   *
   * @param enqueued the deployment's enqueued tokens, this batch included; empty when the
   *     deployment is not known before validation
   */
  public record Created(Batch batch, Optional<EnqueuedTokens.Admitted> enqueued) {}

  /**
   * @param pathDeployment the deployment of the deployment-scoped route, when used
   */
  public Created create(
      AccountRuntime account, Optional<String> pathDeployment, CreateBatchRequest request) {
    String resource = account.account().name();
    FileObject input =
        files
            .find(resource, request.inputFileId())
            .filter(f -> f.purpose() == FilePurpose.BATCH)
            .orElseThrow(() -> unknownFile(request.inputFileId()));
    Optional<String> deployment =
        pathDeployment.or(() -> FirstLine.model(files, resource, input.id()));
    long tokens = EnqueuedTokens.estimate(input.bytes());
    Optional<EnqueuedTokens.Admitted> admitted =
        deployment
            .flatMap(account::deployment)
            .flatMap(d -> EnqueuedTokens.admit(batches, d, tokens));
    long now = clock.instant().getEpochSecond();
    var batch =
        new Batch(
            newId(),
            resource,
            request.endpoint(),
            input.id(),
            request.completionWindow(),
            BatchStatus.VALIDATING,
            deployment,
            tokens,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            request.metadata(),
            request.outputExpiresAfter(),
            now,
            now + 86_400,
            java.util.Map.of(),
            Batch.RequestCounts.NONE);
    batches.insert(batch);
    wake.run();
    return new Created(batch, admitted);
  }

  /** A resource's batch; 404 when there is none. */
  public Batch get(String resource, String id) {
    return batches.find(resource, id).orElseThrow(() -> notFound(id));
  }

  /** The request counts to show: the final ones, or those of the lines answered so far. */
  public Batch.RequestCounts counts(Batch batch) {
    return switch (batch.status()) {
      case IN_PROGRESS, FINALIZING, CANCELLING -> batches.progress(batch.id());
      case VALIDATING, FAILED, COMPLETED, EXPIRED, CANCELLED -> batch.counts();
    };
  }

  public List<Batch> list(String resource, Optional<String> after, int limit) {
    return batches.list(resource, after, limit);
  }

  /** Asks a batch to stop: {@code cancelling} now, {@code cancelled} once its answers are kept. */
  public Batch cancel(String resource, String id) {
    get(resource, id);
    long now = clock.instant().getEpochSecond();
    // In the order the runner moves a batch, so that a batch it has just moved from validating to
    // in progress is still cancelled.
    for (BatchStatus from : List.of(BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS)) {
      if (batches.move(id, from, BatchStatus.CANCELLING, now, Optional.empty())) {
        wake.run();
        return get(resource, id);
      }
    }
    Batch current = get(resource, id);
    if (current.status() == BatchStatus.CANCELLING || current.status() == BatchStatus.CANCELLED) {
      return current;
    }
    throw ApiException.invalid(
        "Cannot cancel a batch with status '%s'.".formatted(current.status().wire()), null, null);
  }

  static ApiException notFound(String id) {
    return ApiException.of(ErrorCode.BATCH_NOT_FOUND, id);
  }

  private static ApiException unknownFile(String id) {
    return ApiException.invalid(
        "The input file '%s' was not found, or its purpose is not 'batch'.".formatted(id),
        "input_file_id",
        "invalid_value");
  }

  private static String newId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "batch_" + HexFormat.of().formatHex(bytes);
  }
}
