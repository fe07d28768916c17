package dev.lazurite.api.responses;

import java.util.Optional;

/** Where stored responses live; every lookup names the resource and the owner. */
public interface ResponseStore {
  void insert(StoredResponse response);

  /** The response when it exists, belongs to {@code owner} and has not expired at {@code now}. */
  Optional<StoredResponse> find(String resource, String owner, String id, long nowSeconds);

  /**
   * Replaces a background response that is still {@code queued} or {@code in_progress} with {@code
   * next} (its body, status, context and lease); false when it has ended (finished, cancelled,
   * failed) or is gone, so that whoever ends it first decides how it ended.
   */
  boolean replaceRunning(StoredResponse next);

  /** Removes a response of {@code owner}; false when there was none to remove. */
  boolean delete(String resource, String owner, String id);

  /** Removes responses that expired at or before {@code nowSeconds}; returns how many. */
  int deleteExpired(long nowSeconds);
}
