package dev.lazurite.observability;

import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traces as a pipeline listener: one server span per request (named {@code "{gen_ai.operation.name}
 * {gen_ai.request.model}"} for model calls, with the GenAI attributes), a child span per stage
 * (nested as stages nest) and a client span per backend attempt. A request's W3C {@code
 * traceparent} is its span's parent; while a backend attempt is under way on the request's thread,
 * its span is current, so the upstream call carries it on.
 */
public final class TracingListener implements PipelineListener {
  private static final TextMapGetter<Exchange> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Exchange exchange) {
          return exchange.request().headers().keySet();
        }

        @Override
        public String get(Exchange exchange, String key) {
          return exchange == null ? null : exchange.request().header(key).orElse(null);
        }
      };

  private final Tracer tracer;
  private final Map<String, Trace> live = new ConcurrentHashMap<>();

  /** One request's open spans; touched by its own thread only, except for the map that holds it. */
  private static final class Trace {
    final Span request;
    final Deque<Span> stages = new ArrayDeque<>();
    final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

    Trace(Span request) {
      this.request = request;
    }

    Span innermost() {
      Span top = stages.peek();
      return top == null ? request : top;
    }
  }

  private static final class Attempt {
    final Span span;
    Scope scope;
    final Thread thread;

    Attempt(Span span, Scope scope) {
      this.span = span;
      this.scope = scope;
      this.thread = Thread.currentThread();
    }

    void leave() {
      if (scope != null && thread == Thread.currentThread()) {
        scope.close();
      }
      scope = null;
    }
  }

  public TracingListener(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public void stageStart(Exchange exchange, String stage) {
    String id = exchange.request().requestId();
    Trace trace = live.computeIfAbsent(id, k -> new Trace(requestSpan(exchange)));
    synchronized (trace) {
      Span span =
          tracer
              .spanBuilder(stage)
              .setParent(Context.root().with(trace.innermost()))
              .setSpanKind(SpanKind.INTERNAL)
              .setAttribute("lazurite.stage", stage)
              .startSpan();
      trace.stages.push(span);
    }
  }

  @Override
  public void stageEnd(String requestId, String stage, long nanos) {
    Trace trace = live.get(requestId);
    if (trace == null) {
      return;
    }
    synchronized (trace) {
      Span span = trace.stages.poll();
      if (span != null) {
        span.end();
      }
    }
  }

  @Override
  public void backendAttemptStart(String requestId, String backend) {
    Trace trace = live.get(requestId);
    if (trace == null) {
      return;
    }
    Span span;
    synchronized (trace) {
      span =
          tracer
              .spanBuilder("backend " + backend)
              .setParent(Context.root().with(trace.innermost()))
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute("lazurite.backend", backend)
              .startSpan();
    }
    Attempt previous = trace.attempts.put(backend, new Attempt(span, enter(span)));
    if (previous != null) {
      previous.leave();
      previous.span.end();
    }
  }

  @Override
  public void backendFirstByte(String requestId, String backend) {
    Trace trace = live.get(requestId);
    Attempt attempt = trace == null ? null : trace.attempts.get(backend);
    if (attempt != null) {
      attempt.leave();
      attempt.span.addEvent("first byte");
    }
  }

  @Override
  public void backendAttemptEnd(String requestId, String backend, int status) {
    Trace trace = live.get(requestId);
    Attempt attempt = trace == null ? null : trace.attempts.remove(backend);
    if (attempt != null) {
      attempt.leave();
      attempt.span.setAttribute("http.response.status_code", status);
      if (status >= 400) {
        attempt.span.setStatus(StatusCode.ERROR);
        attempt.span.setAttribute(GenAi.ERROR_TYPE, Integer.toString(status));
      }
      attempt.span.end();
    }
  }

  @Override
  public void requestEnd(Ledger ledger) {
    close(ledger);
  }

  @Override
  public void requestFailed(Ledger ledger, Throwable cause) {
    close(ledger);
  }

  private void close(Ledger ledger) {
    Trace trace = live.remove(ledger.requestId());
    if (trace == null) {
      return;
    }
    Span span = trace.request;
    var operation = GenAi.operation(ledger.operationId());
    if (operation.isPresent()) {
      span.updateName(operation.get() + " " + ledger.model());
      span.setAttribute(GenAi.OPERATION, operation.get());
      span.setAttribute(GenAi.PROVIDER, GenAi.AZURE_OPENAI);
      span.setAttribute(GenAi.REQUEST_MODEL, ledger.model());
      span.setAttribute("gen_ai.request.stream", ledger.streamed());
      span.setAttribute("gen_ai.usage.input_tokens", (long) ledger.promptTokens());
      span.setAttribute("gen_ai.usage.output_tokens", (long) ledger.completionTokens());
      span.setAttribute("azure.resource_provider.namespace", "Microsoft.CognitiveServices");
    }
    span.setAttribute("lazurite.operation", ledger.operationId());
    span.setAttribute("lazurite.account", ledger.account());
    span.setAttribute("lazurite.deployment", ledger.deployment());
    span.setAttribute("http.response.status_code", (long) ledger.status());
    if (ledger.status() >= 400) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(GenAi.ERROR_TYPE, GenAi.errorType(ledger.status()));
    }
    synchronized (trace) {
      for (Span open : List.copyOf(trace.stages)) {
        open.end();
      }
      trace.stages.clear();
    }
    for (Attempt attempt : trace.attempts.values()) {
      attempt.leave();
      attempt.span.end();
    }
    span.end();
  }

  /**
   * Makes an attempt's span current on the request's thread until its first byte or its end, which
   * close the scope on the same thread.
   */
  @SuppressWarnings("MustBeClosedChecker")
  private static Scope enter(Span span) {
    return Context.current().with(span).makeCurrent();
  }

  private Span requestSpan(Exchange exchange) {
    Context parent =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), exchange, HEADERS);
    return tracer
        .spanBuilder(exchange.route().operation().operationId())
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .startSpan();
  }
}
