package dev.lazurite.safety;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.StreamEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Azure's asynchronous filter mode: text flows at once, and annotation events with {@code
 * content_filter_offsets} follow each checked window (the last may come after the finish chunk).
 * When a window is filtered, an annotation with {@code finish_reason: content_filter} ends the
 * choice; the rest is billed but not sent.
 */
final class AsynchronousStream implements EventStream {
  private final ResponseFilter filter;
  private final EventStream upstream;

  AsynchronousStream(ResponseFilter filter, EventStream upstream) {
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
            states.values().forEach(s -> check(s, sink));
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
          sink.send(chunk.plain(filter.annotate()));
          state.pending.append(text);
          state.sentTo += text.length();
          if (chunk.finishes() || StreamChoices.due(state.pending, text)) {
            check(state, sink);
          }
        });
    states.values().forEach(s -> check(s, sink));
  }

  private void check(StreamChoices.State state, EventSink sink) {
    if (state.pending.isEmpty() || state.stopped) {
      return;
    }
    Screening s = filter.screen(state.window());
    int start = state.checkedTo;
    state.checked();
    if (!filter.annotate() && !s.blocked()) {
      return;
    }
    state.stopped = s.blocked();
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("id", "").put("object", "").put("created", 0).put("model", "");
    ObjectNode choice = event.putArray("choices").addObject();
    choice.put("index", state.index);
    if (s.blocked()) {
      choice.put("finish_reason", "content_filter");
    } else {
      choice.putNull("finish_reason");
    }
    choice.set("content_filter_results", s.results());
    choice
        .putObject("content_filter_offsets")
        .put("check_offset", start)
        .put("start_offset", start)
        .put("end_offset", state.sentTo);
    event.putNull("usage");
    sink.send(new StreamEvent(event, 0));
  }
}
