package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.List;

/**
 * An ordered list of stages. The chain it hands each stage checks the contract: a stage calls
 * {@code proceed} at most once, and the last stage answers without proceeding. The pipeline keeps
 * the deepest exchange a request reached, closes the request's {@link Ledger} when the answer is
 * complete (for a stream, when it has been written or abandoned) and tells its listener. A failure
 * that is not an {@link ApiException} is recorded as a 500 and thrown on: it is a bug. A detached
 * stream (a background response) is answered at once and run on its own executor.
 */
public final class Pipeline {
  private final List<Stage> stages;
  private final List<String> names;
  private final PipelineListener listener;

  /** Whether the listener observes stages: stages are timed only then. */
  private final boolean staged;

  public Pipeline(List<Stage> stages, PipelineListener listener) {
    this.stages = List.copyOf(requireNonNull(stages, "stages is null"));
    this.listener = requireNonNull(listener, "listener is null");
    this.names = this.stages.stream().map(Pipeline::name).toList();
    this.staged = listener.observesStages();
    if (this.stages.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one stage");
    }
  }

  public Pipeline(List<Stage> stages) {
    this(stages, PipelineListener.NONE);
  }

  public Outcome execute(Exchange exchange) {
    requireNonNull(exchange, "exchange is null");
    String id = exchange.request().requestId();
    listener.requestStart(id);
    var call = new Call(exchange);
    Response response;
    try {
      response = new RealChain(call, 0).proceed(exchange);
    } catch (ApiException e) {
      return failed(call.last, e, e);
    } catch (RuntimeException e) {
      // A bug, not an outcome: recorded as the 500 the client will get, and passed on.
      listener.requestFailed(
          Ledger.of(call.last, 0, 0, ErrorCode.INTERNAL.status(), false, System.nanoTime()), e);
      throw e;
    }
    return switch (response) {
      case Response.Json json -> {
        long ended = System.nanoTime();
        listener.requestEnd(
            Ledger.of(
                    call.last,
                    json.promptTokens(),
                    json.cachedPromptTokens(),
                    json.completionTokens(),
                    json.status(),
                    false,
                    ended,
                    ended)
                .withFilter(json.filter()));
        yield new Outcome.Answered(call.last, json);
      }
      case Response.Stream stream when stream.detached().isPresent() -> {
        Response.Detached detached = stream.detached().get();
        LedgerStream ledger = new LedgerStream(call.last, stream, listener);
        detached.executor().execute(() -> drain(ledger));
        yield new Outcome.Answered(
            call.last,
            detached.answer() instanceof EventStream readBack
                ? new Response.Stream(stream.headers(), readBack, 0)
                : new Response.Json(200, stream.headers(), detached.answer(), 0, 0));
      }
      case Response.Stream stream ->
          new Outcome.Answered(
              call.last, stream.withEvents(new LedgerStream(call.last, stream, listener)));
      case Response.Bytes bytes -> {
        listener.requestEnd(
            Ledger.of(call.last, bytes.promptTokens(), 0, 200, false, System.nanoTime()));
        yield new Outcome.Answered(call.last, bytes);
      }
    };
  }

  /** Produces a detached stream's events for no one; its ledger records how it ended. */
  private static void drain(LedgerStream ledger) {
    try {
      ledger.writeTo(event -> {});
    } catch (RuntimeException e) {
      // Recorded by the ledger; the stream's producer kept its own account of the failure.
      org.slf4j.LoggerFactory.getLogger(Pipeline.class)
          .debug("a detached stream ended with {}", e.toString());
    }
  }

  /** Ends a routed request before any stage runs (a body over the limit), and records it. */
  public Outcome reject(Exchange exchange, ApiException error) {
    listener.requestStart(exchange.request().requestId());
    return failed(exchange, error, error);
  }

  public List<Stage> stages() {
    return stages;
  }

  /** A stage's name in metrics and traces: its class, without the {@code Stage} suffix. */
  private static String name(Stage stage) {
    String simple = stage.getClass().getSimpleName();
    int lambda = simple.indexOf("$$");
    String name = lambda > 0 ? simple.substring(0, lambda) : simple;
    return name.endsWith("Stage") && name.length() > 5
        ? name.substring(0, name.length() - 5)
        : name;
  }

  private Outcome.Failed failed(Exchange last, ApiException error, Throwable cause) {
    listener.requestFailed(
        Ledger.of(
                last,
                processedPrompt(last, error),
                0,
                error.errorCode().status(),
                false,
                System.nanoTime())
            .withFilter(FilterOutcome.of(error)),
        cause);
    return new Outcome.Failed(last, error);
  }

  /**
   * The prompt tokens the service processed before it failed: a prompt the content filter blocked
   * and a call that timed out were read (Azure charges them); other refusals read nothing.
   */
  private static int processedPrompt(Exchange last, ApiException error) {
    ErrorCode code = error.errorCode();
    boolean processed =
        code == ErrorCode.CONTENT_FILTER
            || code == ErrorCode.RESPONSES_CONTENT_FILTER
            || code == ErrorCode.TIMEOUT;
    return processed ? last.modelRequestIfKnown().map(r -> r.promptTokens()).orElse(0) : 0;
  }

  /** What one execution has reached so far; written only by its chain, on the request's thread. */
  private static final class Call {
    private Exchange last;

    private Call(Exchange first) {
      this.last = first;
    }
  }

  private final class RealChain implements Chain {
    private final Call call;
    private final int index;
    private boolean called;

    private RealChain(Call call, int index) {
      this.call = call;
      this.index = index;
    }

    @Override
    public Response proceed(Exchange exchange) {
      requireNonNull(exchange, "exchange is null");
      if (called) {
        throw new IllegalStateException(
            stages.get(index - 1).getClass().getSimpleName() + " called proceed more than once");
      }
      called = true;
      if (index >= stages.size()) {
        throw new IllegalStateException("the last stage must answer, not proceed");
      }
      call.last = exchange;
      Response response;
      if (staged) {
        String id = exchange.request().requestId();
        listener.stageStart(exchange, names.get(index));
        long started = System.nanoTime();
        try {
          response = stages.get(index).handle(exchange, new RealChain(call, index + 1));
        } finally {
          listener.stageEnd(id, names.get(index), System.nanoTime() - started);
        }
      } else {
        response = stages.get(index).handle(exchange, new RealChain(call, index + 1));
      }
      return requireNonNull(
          response, () -> stages.get(index).getClass().getSimpleName() + " returned null");
    }
  }
}
