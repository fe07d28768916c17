package dev.lazurite.pipeline;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;

/**
 * The outermost wrapper of a streamed answer: counts the completion tokens of the events the client
 * was handed, reports each chunk, and closes the request's ledger when the stream ends, breaks, or
 * the client leaves ({@link Ledger#CLIENT_CLOSED}).
 */
final class LedgerStream implements EventStream {
  private final Exchange last;
  private final Response.Stream stream;
  private final PipelineListener listener;

  LedgerStream(Exchange last, Response.Stream stream, PipelineListener listener) {
    this.last = last;
    this.stream = stream;
    this.listener = listener;
  }

  @Override
  public void writeTo(EventSink downstream) {
    String id = last.request().requestId();
    int[] tokens = {0};
    boolean[] clientGone = {false};
    try {
      stream
          .events()
          .writeTo(
              event -> {
                try {
                  downstream.send(event);
                } catch (RuntimeException e) {
                  clientGone[0] = true;
                  throw e;
                }
                tokens[0] += event.completionTokens();
                listener.streamChunk(id, event);
              });
    } catch (ApiException e) {
      fail(tokens[0], clientGone[0] ? Ledger.CLIENT_CLOSED : e.errorCode().status(), e);
      throw e;
    } catch (RuntimeException e) {
      fail(tokens[0], clientGone[0] ? Ledger.CLIENT_CLOSED : ErrorCode.INTERNAL.status(), e);
      throw e;
    }
    listener.requestEnd(
        Ledger.of(last, stream.promptTokens(), tokens[0], 200, true, System.nanoTime()));
  }

  private void fail(int completionTokens, int status, Throwable cause) {
    listener.requestFailed(
        Ledger.of(last, stream.promptTokens(), completionTokens, status, true, System.nanoTime()),
        cause);
  }
}
