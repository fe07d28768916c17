package dev.lazurite.pipeline;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;

/**
 * The outermost wrapper of a streamed answer: counts the completion tokens of the events the client
 * was handed (and the prompt as the upstream metered it, when a backend reports that), reports each
 * chunk, and closes the request's ledger when the stream ends, breaks, or the client leaves ({@link
 * Ledger#CLIENT_CLOSED}).
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
    int[] cached = {0};
    int[] prompt = {stream.promptTokens()};
    FilterOutcome[] filter = {FilterOutcome.NONE};
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
                cached[0] += event.cachedPromptTokens();
                if (event.promptTokens() > 0) {
                  prompt[0] = event.promptTokens();
                }
                if (event.filter().filtered() && !filter[0].filtered()) {
                  filter[0] = event.filter();
                }
                listener.streamChunk(id, event);
              });
    } catch (ApiException e) {
      fail(
          prompt[0],
          tokens[0],
          cached[0],
          filter[0],
          clientGone[0] ? Ledger.CLIENT_CLOSED : e.errorCode().status(),
          firstByte[0],
          e);
      throw e;
    } catch (RuntimeException e) {
      fail(
          prompt[0],
          tokens[0],
          cached[0],
          filter[0],
          clientGone[0] ? Ledger.CLIENT_CLOSED : ErrorCode.INTERNAL.status(),
          firstByte[0],
          e);
      throw e;
    }
    listener.requestEnd(ledger(prompt[0], tokens[0], cached[0], filter[0], 200, firstByte[0]));
  }

  private void fail(
      int promptTokens,
      int completionTokens,
      int cachedPromptTokens,
      FilterOutcome filter,
      int status,
      long firstByte,
      Throwable cause) {
    listener.requestFailed(
        ledger(promptTokens, completionTokens, cachedPromptTokens, filter, status, firstByte),
        cause);
  }

  private Ledger ledger(
      int promptTokens,
      int completionTokens,
      int cachedPromptTokens,
      FilterOutcome filter,
      int status,
      long firstByte) {
    long ended = System.nanoTime();
    return Ledger.of(
            last,
            promptTokens,
            Math.min(cachedPromptTokens, promptTokens),
            completionTokens,
            status,
            true,
            ended,
            firstByte == 0L ? ended : firstByte)
        .withFilter(filter);
  }
}
