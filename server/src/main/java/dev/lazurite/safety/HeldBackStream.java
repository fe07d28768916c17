package dev.lazurite.safety;

import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.StreamEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Azure's default streaming mode: text is held back until a window of it (whole sentences, unless
 * one runs long) has been checked, then released with the window's annotations on its last chunk. A
 * filtered window is never sent; its choice ends with {@code finish_reason: content_filter}, and
 * what the model writes after it is billed but not sent.
 */
final class HeldBackStream implements EventStream {
  private final ResponseFilter filter;
  private final EventStream upstream;

  HeldBackStream(ResponseFilter filter, EventStream upstream) {
    this.filter = filter;
    this.upstream = upstream;
  }

  @Override
  public void writeTo(EventSink sink) {
    if (filter.annotate()) {
      sink.send(new StreamEvent(filter.promptEvent(), 0));
    }
    Map<Integer, StreamChoices.State> states = new HashMap<>();
    upstream.writeTo(
        event -> {
          if (!event.sent()) {
            sink.send(event);
            return;
          }
          StreamChoices.Chunk chunk = StreamChoices.Chunk.of(event);
          if (chunk.promptAnnotation()) {
            return;
          }
          if (chunk.choice() == null) {
            states.values().forEach(s -> release(s, sink));
            sink.send(chunk.plain(false));
            return;
          }
          StreamChoices.State state =
              states.computeIfAbsent(chunk.index(), StreamChoices.State::new);
          if (state.stopped) {
            sink.send(StreamEvent.meteringOnly(chunk.tokens()));
            return;
          }
          String text = chunk.text();
          if (!text.isEmpty() || !state.held.isEmpty()) {
            state.held.add(chunk);
            state.pending.append(text);
          } else if (!chunk.finishes()) {
            sink.send(chunk.plain(filter.annotate()));
            return;
          }
          if (chunk.finishes()) {
            if (!state.held.isEmpty() && state.held.getLast() == chunk) {
              state.held.removeLast();
            }
            release(state, sink);
            if (!state.stopped) {
              sink.send(chunk.plain(filter.annotate()));
            } else {
              sink.send(StreamEvent.meteringOnly(chunk.tokens()));
            }
          } else if (StreamChoices.due(state.pending, text)) {
            release(state, sink);
          }
        });
    states.values().forEach(s -> release(s, sink));
  }

  /** Checks the held text and sends it, or ends the choice when it is filtered. */
  private void release(StreamChoices.State state, EventSink sink) {
    if (state.held.isEmpty() || state.stopped) {
      return;
    }
    Screening s = filter.screen(state.window());
    if (s.blocked()) {
      state.stopped = true;
      sink.send(
          new StreamEvent(
              StreamChoices.filteredEnd(state.held.getFirst(), state.index, s.results()), 0));
      state.held.forEach(c -> sink.send(StreamEvent.meteringOnly(c.tokens())));
    } else {
      for (int i = 0; i < state.held.size(); i++) {
        StreamChoices.Chunk c = state.held.get(i);
        boolean last = i == state.held.size() - 1;
        sink.send(
            last && filter.annotate() ? c.annotated(s.results()) : c.plain(filter.annotate()));
      }
    }
    state.held.clear();
    state.checked();
  }
}
