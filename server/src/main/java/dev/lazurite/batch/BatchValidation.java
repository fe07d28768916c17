package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

import dev.lazurite.files.FileService;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Validates a batch whose lease the caller holds: its lines stored as the input is read (any left
 * by an attempt that died are removed first), then {@code in_progress}, or {@code failed} with
 * Azure's errors and no lines kept.
 */
final class BatchValidation {
  private final BatchRepository batches;
  private final FileService files;
  private final Supplier<RuntimeSnapshot> snapshot;
  private final Clock clock;

  BatchValidation(
      BatchRepository batches, FileService files, Supplier<RuntimeSnapshot> snapshot, Clock clock) {
    this.batches = requireNonNull(batches, "batches is null");
    this.files = requireNonNull(files, "files is null");
    this.snapshot = requireNonNull(snapshot, "snapshot is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * @param renew extends the caller's lease while a large input is read
   */
  void validate(Batch batch, String owner, Runnable renew) throws IOException {
    batches.deleteLines(batch.id());
    Optional<AccountRuntime> account = snapshot.get().account(batch.resource());
    var content = files.open(batch.resource(), batch.inputFileId());
    if (account.isEmpty() || content.isEmpty()) {
      // The resource or its input file is gone: nothing can run.
      batches.fail(
          batch.id(),
          List.of(BatchError.of(BatchErrorCode.INVALID_REQUEST)),
          clock.instant().getEpochSecond(),
          owner);
      return;
    }
    InputValidator.Result result;
    try (var input = content.get()) {
      result =
          InputValidator.validate(
              input.stream(),
              InputValidator.withoutV1(batch.endpoint()),
              account.get(),
              lines -> {
                batches.insertLines(batch.id(), lines);
                renew.run();
              });
    }
    long now = clock.instant().getEpochSecond();
    switch (result) {
      case InputValidator.Result.Invalid invalid -> {
        batches.deleteLines(batch.id());
        batches.fail(batch.id(), invalid.errors(), now, owner);
      }
      case InputValidator.Result.Valid valid -> {
        batches.validated(batch.id(), valid.deployment(), valid.total());
        if (!batches.move(
            batch.id(), BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS, now, Optional.of(owner))) {
          // Cancelled while it was read: the cancellation ends it with no answers.
          batches
              .findById(batch.id())
              .filter(b -> b.status().terminal())
              .ifPresent(b -> batches.deleteLines(b.id()));
        }
      }
    }
  }
}
