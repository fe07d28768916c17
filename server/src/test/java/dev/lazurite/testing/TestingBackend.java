package dev.lazurite.testing;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A backend that answers fixed values and remembers what it was asked. */
public final class TestingBackend implements Backend {
  public final List<ChatRequest> requests = new ArrayList<>();

  @Override
  public Answer invoke(BackendCall call) {
    return switch (call) {
      case BackendCall.Chat c ->
          c.streamed() ? new Streamed(chatStream(c.request())) : chat(c.request());
      case BackendCall.Completion c -> throw Backend.unsupported(call);
      case BackendCall.Embedding e -> throw Backend.unsupported(call);
    };
  }

  private Result chat(ChatRequest request) {
    requests.add(request);
    return new Result(Map.of("answer", "fixed"), request.promptTokens(), 3);
  }

  private EventStream chatStream(ChatRequest request) {
    requests.add(request);
    return sink -> {
      sink.send(new StreamEvent(Map.of("piece", 1), 2));
      sink.send(new StreamEvent(Map.of("piece", 2), 5));
    };
  }
}
