package dev.lazurite.testing;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A backend that answers fixed values and remembers what it was asked. */
public final class TestingBackend implements Backend {
  public final List<ChatRequest> requests = new ArrayList<>();

  @Override
  public Result chat(ChatRequest request, ModelSpec model) {
    requests.add(request);
    return new Result(Map.of("answer", "fixed"), request.promptTokens(), 3);
  }

  @Override
  public EventStream chatStream(ChatRequest request, ModelSpec model) {
    requests.add(request);
    return sink -> {
      sink.send(new StreamEvent(Map.of("piece", 1), 2));
      sink.send(new StreamEvent(Map.of("piece", 2), 5));
    };
  }
}
