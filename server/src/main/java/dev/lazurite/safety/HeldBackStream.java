package dev.lazurite.safety;

import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.StreamEvent;

/**
 * Azure's default streaming mode: text is held back until a window of it (whole sentences, unless
 * one runs long) has been checked, then released with the window's annotations on its last chunk. A
 * filtered window is never sent; its choice ends with {@code finish_reason: content_filter}, and
 * what the model writes after it is billed but not sent.
 */
final class HeldBackStream extends FilteredStream {
  HeldBackStream(ResponseFilter filter, EventStream upstream) {
    super(filter, upstream);
  }

  @Override
  void accept(StreamChoices.State state, StreamChoices.Chunk chunk, EventSink sink) {
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
      settle(state, sink);
      sink.send(state.stopped ? chunk.metered() : chunk.plain(filter.annotate()));
    } else if (StreamChoices.due(state.pending, text)) {
      settle(state, sink);
    }
  }

  /** Checks the held text and sends it, or ends the choice when it is filtered. */
  @Override
  void settle(StreamChoices.State state, EventSink sink) {
    if (state.held.isEmpty() || state.stopped) {
      return;
    }
    Screening s = filter.screen(state.window());
    if (s.blocked()) {
      state.stopped = true;
      sink.send(
          new StreamEvent(
                  StreamChoices.filteredEnd(state.held.getFirst(), state.index, s.results()), 0)
              .withFilter(FilterOutcome.completion(s.results())));
      state.held.forEach(c -> sink.send(c.metered()));
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
