package dev.lazurite.backend;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.EventStream;

/**
 * A model backend. Non-streamed calls return the complete Azure-shaped body; streamed calls return
 * once the backend has accepted the request (so that an upstream error still becomes an HTTP error
 * status) and produce their events while the client reads them. Implementations are thread-safe and
 * shared by every request to the deployments they serve; they throw {@link ApiException} for
 * failures the client should see.
 */
public interface Backend extends AutoCloseable {
  /**
   * What a non-streamed call produced.
   *
   * @param body the response, serialized by the data-plane mapper
   * @param promptTokens as the backend counted them (0 to keep the pipeline's count)
   */
  record Result(Object body, int promptTokens, int completionTokens) {
    public Result {
      java.util.Objects.requireNonNull(body, "body is null");
    }
  }

  default Result chat(ChatRequest request, ModelSpec model) {
    throw unsupported("chatCompletion", model);
  }

  default EventStream chatStream(ChatRequest request, ModelSpec model) {
    throw unsupported("chatCompletion", model);
  }

  default Result complete(CompletionRequest request, ModelSpec model) {
    throw unsupported("completion", model);
  }

  default EventStream completeStream(CompletionRequest request, ModelSpec model) {
    throw unsupported("completion", model);
  }

  default Result embed(EmbeddingRequest request, ModelSpec model) {
    throw unsupported("embeddings", model);
  }

  /**
   * Whether the backend answers now: what an active health probe asks of a backend whose breaker is
   * open. In-process backends are always up.
   */
  default boolean probe() {
    return true;
  }

  @Override
  default void close() {}

  private static ApiException unsupported(String operation, ModelSpec model) {
    return ApiException.of(ErrorCode.OPERATION_NOT_SUPPORTED, operation, model.name());
  }
}
