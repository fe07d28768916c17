package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.NamedEvent;
import dev.lazurite.pipeline.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events of a streamed background response ({@code background} and {@code stream} both true),
 * kept in the database as the response runs so that its stream can be read — from the start, or
 * after a {@code sequence_number} ({@code GET /responses/{id}?stream=true&starting_after=n}) — by
 * the client that created it or by a client that lost its connection, on any instance. The first
 * event is {@code response.queued}, kept before create answers. Events are kept while the response
 * runs and until five minutes after it was created (later, an ended response can no longer be
 * streamed), and at most {@link #MAX_KEPT} per response: past that, text and argument deltas are
 * not kept, while their {@code .done} events (which carry the whole text) still are. A stream of a
 * response that ended without a last event of its own (cancelled, or its instance died) ends with
 * {@code response.failed} carrying the response as it ended.
 */
final class ResponseEvents {
  /** How many events of one response are kept at most, deltas included. */
  static final int MAX_KEPT = 10_000;

  /** How long after it was created an ended response can still be streamed. */
  static final Duration STREAMABLE = Duration.ofMinutes(5);

  private static final Duration POLL = Duration.ofMillis(50);
  private static final int BATCH = 500;
  private static final Set<String> TERMINAL =
      Set.of("response.completed", "response.incomplete", "response.failed", "error");

  private final ResponseStore store;
  private final Clock clock;
  private final BackgroundResponses background;

  ResponseEvents(ResponseStore store, Clock clock, BackgroundResponses background) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.background = requireNonNull(background, "background is null");
  }

  /** Keeps {@code response.queued} (sequence 0) for a response just stored {@code queued}. */
  void queued(StoredResponse queued) {
    store.deleteStaleEvents(clock.instant().getEpochSecond() - STREAMABLE.toSeconds());
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "response.queued");
    event.set("response", queued.body().deepCopy());
    event.put("sequence_number", 0);
    store.appendEvent(queued.resource(), queued.id(), 0, Json.writeString(event));
  }

  /**
   * The response's work with each of its events kept as it is produced, numbered after {@code
   * response.queued}.
   */
  EventStream recording(EventStream events, String resource, String id) {
    return sink -> {
      long[] next = {1};
      events.writeTo(
          event -> {
            if (event.sent()
                && event.payload() instanceof NamedEvent named
                && named.data() instanceof ObjectNode data) {
              long sequence = next[0]++;
              data.put("sequence_number", sequence);
              if (sequence < MAX_KEPT || !named.name().endsWith(".delta")) {
                store.appendEvent(resource, id, sequence, Json.writeString(data));
              }
            }
            sink.send(event);
          });
    };
  }

  /**
   * The stream of a response after {@code startingAfter} (-1 for all of it): the kept events, then
   * the rest as the response produces them, until its last event or until it ended another way
   * (cancelled, or failed with the instance that ran it). Refuses a response that was not created
   * as a streamed background response, or that ended long ago.
   */
  EventStream resume(StoredResponse response, long startingAfter) {
    if (!response.body().path("background").asBoolean(false)) {
      throw notStreamable("background");
    }
    long now = clock.instant().getEpochSecond();
    if (!response.running() && response.createdAt() + STREAMABLE.toSeconds() <= now) {
      throw ApiException.invalid(
          "This response can no longer be streamed because it is more than 5 minutes old.",
          "stream",
          "invalid_request");
    }
    if (store.events(response.resource(), response.id(), -1, 1).isEmpty()) {
      throw notStreamable("stream");
    }
    return sink -> {
      long last = startingAfter;
      boolean ending = false;
      // How the response ended, once it was seen ended (null when it is gone).
      StoredResponse ended = null;
      while (true) {
        List<ObjectNode> batch = store.events(response.resource(), response.id(), last, BATCH);
        for (ObjectNode event : batch) {
          last = event.path("sequence_number").asLong();
          String type = event.path("type").asText();
          sink.send(new StreamEvent(new NamedEvent(type, event), 0));
          if (TERMINAL.contains(type)) {
            return;
          }
        }
        if (!batch.isEmpty()) {
          continue;
        }
        if (ending) {
          if (ended != null) {
            lastEvent(ended, last).ifPresent(sink::send);
          }
          return;
        }
        Optional<StoredResponse> current =
            store
                .find(
                    response.resource(),
                    response.owner(),
                    response.id(),
                    clock.instant().getEpochSecond())
                .map(background::current);
        if (current.isEmpty() || !current.get().running()) {
          // Ended: what it kept before it ended is read once more, then the stream ends.
          ending = true;
          ended = current.orElse(null);
          continue;
        }
        pause();
      }
    };
  }

  /**
   * The event that ends the stream of a response that ended without keeping one: cancelled, or
   * failed because the instance running it stopped. It is {@code response.failed} (the last event
   * the Responses API defines for a response that did not complete) carrying the response as it
   * ended, so its {@code status} says {@code cancelled} or {@code failed}. Nothing for a response
   * that completed or is incomplete: its last event was kept and was read (or lies before {@code
   * starting_after}).
   */
  private static Optional<StreamEvent> lastEvent(StoredResponse ended, long last) {
    String status = ended.status();
    if (!status.equals("cancelled") && !status.equals("failed")) {
      return Optional.empty();
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "response.failed");
    event.set("response", ended.body().deepCopy());
    event.put("sequence_number", last + 1);
    return Optional.of(new StreamEvent(new NamedEvent("response.failed", event), 0));
  }

  /** Parses {@code starting_after}: absent is -1 (the whole stream). */
  static long startingAfter(Optional<String> text) {
    if (text.isEmpty() || text.get().isEmpty()) {
      return -1;
    }
    try {
      long value = Long.parseLong(text.get());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid(
        "The 'starting_after' query parameter must be a non-negative integer.",
        "starting_after",
        "invalid_value");
  }

  private static ApiException notStreamable(String flag) {
    return ApiException.invalid(
        "This response cannot be streamed because it was not created with " + flag + "=true.",
        "stream",
        "invalid_request");
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.UncheckedIOException(new java.io.IOException("the stream was interrupted"));
    }
  }
}
