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
    long[] firstByte = {0L};
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
                if (firstByte[0] == 0L) {
                  firstByte[0] = System.nanoTime();
                }
                tokens[0] += event.completionTokens();
                listener.streamChunk(id, event);
              });
    } catch (ApiException e) {
      fail(
          tokens[0],
          clientGone[0] ? Ledger.CLIENT_CLOSED : e.errorCode().status(),
          firstByte[0],
          e);
      throw e;
    } catch (RuntimeException e) {
      fail(
          tokens[0],
          clientGone[0] ? Ledger.CLIENT_CLOSED : ErrorCode.INTERNAL.status(),
          firstByte[0],
          e);
      throw e;
    }
    listener.requestEnd(ledger(tokens[0], 200, firstByte[0]));
  }

  private void fail(int completionTokens, int status, long firstByte, Throwable cause) {
    listener.requestFailed(ledger(completionTokens, status, firstByte), cause);
  }

  private Ledger ledger(int completionTokens, int status, long firstByte) {
    long ended = System.nanoTime();
    return Ledger.of(
        last,
        stream.promptTokens(),
        completionTokens,
        status,
        true,
        ended,
        firstByte == 0L ? ended : firstByte);
  }
}
