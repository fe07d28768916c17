package dev.lazurite.safety;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.StreamEvent;

/**
 * Azure's asynchronous filter mode: text flows at once, and annotation events with {@code
 * content_filter_offsets} follow each checked window (the last may come after the finish chunk).
 * When a window is filtered, an annotation with {@code finish_reason: content_filter} ends the
 * choice; the rest is billed but not sent.
 */
final class AsynchronousStream extends FilteredStream {
  AsynchronousStream(ResponseFilter filter, EventStream upstream) {
    super(filter, upstream);
  }

  @Override
  void accept(StreamChoices.State state, StreamChoices.Chunk chunk, EventSink sink) {
    String text = chunk.text();
    sink.send(chunk.plain(filter.annotate()));
    state.pending.append(text);
    if (chunk.finishes() || StreamChoices.due(state.pending, text)) {
      settle(state, sink);
    }
  }

  @Override
  void settle(StreamChoices.State state, EventSink sink) {
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
        .put("end_offset", state.checkedTo);
    event.putNull("usage");
    StreamEvent annotation = new StreamEvent(event, 0);
    sink.send(
        s.blocked() ? annotation.withFilter(FilterOutcome.completion(s.results())) : annotation);
  }
}
