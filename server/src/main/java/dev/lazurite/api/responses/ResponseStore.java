package dev.lazurite.api.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /**
   * Keeps one event of a streamed background response ({@code event} is its JSON, whose {@code
   * sequence_number} is {@code sequence}).
   */
  void appendEvent(String resource, String id, long sequence, String event);

  /**
   * The kept events of a response after {@code after} (a sequence number; -1 for all), in order, at
   * most {@code limit}.
   */
  java.util.List<ObjectNode> events(String resource, String id, long after, int limit);

  /**
   * Removes the kept events of responses that ended and were created at or before {@code
   * createdBefore}, and of responses that are gone; returns how many.
   */
  int deleteStaleEvents(long createdBefore);

  /** Removes a response of {@code owner} (and its kept events); false when there was none. */
  boolean delete(String resource, String owner, String id);

  /** Removes responses that expired at or before {@code nowSeconds}; returns how many. */
  int deleteExpired(long nowSeconds);
}
