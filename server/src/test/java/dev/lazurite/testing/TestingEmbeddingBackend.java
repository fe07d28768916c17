package dev.lazurite.testing;

import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.embeddings.EmbeddingList;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embeddings backend whose vectors are {@code [mark, index]}, so a test sees which backend
 * answered; {@code down} makes it fail as an unreachable upstream does.
 */
public final class TestingEmbeddingBackend implements Backend {
  private final float mark;
  private final boolean down;
  public final AtomicInteger calls = new AtomicInteger();

  public TestingEmbeddingBackend(float mark, boolean down) {
    this.mark = mark;
    this.down = down;
  }

  @Override
  public Answer invoke(BackendCall call) {
    return switch (call) {
      case BackendCall.Embedding e -> embed(e.request(), e.model());
      case BackendCall.Chat c -> throw Backend.unsupported(call);
      case BackendCall.Completion c -> throw Backend.unsupported(call);
    };
  }

  private Result embed(EmbeddingRequest request, ModelSpec model) {
    calls.incrementAndGet();
    if (down) {
      throw ApiException.of(ErrorCode.UPSTREAM_ERROR, "The model backend could not be reached.");
    }
    List<EmbeddingList.Item> items = new ArrayList<>();
    for (int i = 0; i < request.inputs().size(); i++) {
      items.add(new EmbeddingList.Item("embedding", i, new float[] {mark, i}));
    }
    return new Result(
        new EmbeddingList(
            "list",
            items,
            model.name(),
            new EmbeddingList.Usage(request.promptTokens(), request.promptTokens())),
        0,
        0);
  }
}
