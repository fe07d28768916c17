package dev.lazurite.safety;

import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.StreamEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * A stream screened as it flows: the prompt's annotations first, an upstream's own prompt
 * annotations dropped, chunks without a choice (usage) passed after pending text is settled, and
 * each choice's chunks handed to the mode, until the choice is filtered (what follows is billed but
 * not sent).
 */
abstract class FilteredStream implements EventStream {
  final ResponseFilter filter;
  private final EventStream upstream;

  FilteredStream(ResponseFilter filter, EventStream upstream) {
    this.filter = filter;
    this.upstream = upstream;
  }

  @Override
  public final void writeTo(EventSink sink) {
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
            states.values().forEach(s -> settle(s, sink));
            sink.send(chunk.plain(false));
            return;
          }
          StreamChoices.State state =
              states.computeIfAbsent(chunk.index(), StreamChoices.State::new);
          if (state.stopped) {
            sink.send(chunk.metered());
          } else {
            accept(state, chunk, sink);
          }
        });
    states.values().forEach(s -> settle(s, sink));
  }

  /** One chunk of a choice that is still open. */
  abstract void accept(StreamChoices.State state, StreamChoices.Chunk chunk, EventSink sink);

  /** Checks whatever text of the choice is still unchecked. */
  abstract void settle(StreamChoices.State state, EventSink sink);
}
