package dev.lazurite.batch;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Batches and their lines, durable. Every change is conditional on the state it starts from, so
 * that several instances (or one restarted) may attempt the same step and only one succeeds: status
 * moves, batch leases (validation and finalization) and line leases (running a line) are each won
 * by one caller, and a line keeps the first answer stored for it.
 */
public interface BatchRepository {
  void insert(Batch batch);

  Optional<Batch> find(String resource, String id);

  /** A resource's batches, newest first, after the batch named by {@code after} when given. */
  List<Batch> list(String resource, Optional<String> after, int limit);

  /** Ids of batches in a status, any resource, oldest first. */
  List<String> idsIn(BatchStatus status, int limit);

  Optional<Batch> findById(String id);

  /** Input tokens of the deployment's batches that are not terminal. */
  long enqueuedTokens(String resource, String deployment);

  /**
   * Takes or renews the lease on a batch in {@code status}: won when the batch is free, its lease
   * has run out, or {@code owner} holds it already.
   */
  boolean lease(String id, BatchStatus status, String owner, long nowMillis, long untilMillis);

  /**
   * Moves a batch from {@code from} to {@code to}, stamping {@code to}'s time; with an owner, only
   * while that owner holds the batch's lease. False when the batch was elsewhere.
   */
  boolean move(String id, BatchStatus from, BatchStatus to, long at, Optional<String> owner);

  /** Fails a batch that is validating, with its errors. */
  boolean fail(String id, List<BatchError> errors, long at, String owner);

  /** Records what validation found: the deployment the input names and how many lines it has. */
  void validated(String id, String deployment, long total);

  /** The counts of a batch's lines answered so far (total from validation). */
  Batch.RequestCounts progress(String id);

  /** Removes every line of a batch (a validation that starts over). */
  void deleteLines(String id);

  /** Stores validated lines. */
  void insertLines(String id, List<BatchLine> lines);

  /**
   * Claims up to {@code limit} unanswered lines whose lease has run out, for {@code token} until
   * {@code untilMillis}.
   */
  List<BatchLine> claim(String id, String token, long nowMillis, long untilMillis, int limit);

  /**
   * Stores the answers of lines, in one change; a line that has an answer keeps it (another caller
   * answered it first).
   */
  void answer(String id, java.util.Map<Long, LineAnswer> answers);

  /** Leaves a claimed line unanswered, to be claimed again from {@code retryAtMillis}. */
  void retryLater(String id, long line, String token, long retryAtMillis);

  /** How many lines of a batch have no answer yet. */
  long unanswered(String id);

  /** How many unanswered lines are claimed with a lease that has not run out. */
  long inFlight(String id, long nowMillis);

  /** Every answered line of a batch, in line order, a page at a time. */
  void answers(String id, Consumer<LineAnswer> sink);

  /**
   * Ends a batch that is finalizing or cancelling while {@code owner} holds its lease: its files,
   * its counts and its terminal status, in one change; then its lines are removed.
   */
  boolean finish(
      String id,
      BatchStatus from,
      BatchStatus to,
      long at,
      String owner,
      String outputFileId,
      String errorFileId,
      Batch.RequestCounts counts);
}
