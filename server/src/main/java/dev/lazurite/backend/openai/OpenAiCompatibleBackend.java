package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.api.NativeResponses;
import dev.lazurite.api.media.MediaRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.backend.MediaBackend;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.JsonWriting;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Map;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Any server that speaks OpenAI's API (vLLM, Ollama, llama.cpp server, LocalAI, OpenAI itself) or
 * Azure OpenAI's ({@link UpstreamTarget} says which; Azure's content filter annotations pass
 * through untouched). Requests go upstream with the upstream model name; streams are passed through
 * chunk by chunk as they arrive; upstream errors and timeouts become Azure errors. Whatever the
 * upstream sends back passes the target's {@link UpstreamTarget#redactor()} first, so a key it
 * echoes reaches neither the client nor the log. The client ({@link UpstreamHttp}) is blocking and
 * pooled, and runs on the request's virtual thread.
 */
public final class OpenAiCompatibleBackend implements Backend, MediaBackend {
  private final UpstreamTarget target;
  private final UpstreamHttp client;
  private final TokenCounter tokens;
  private final dev.lazurite.network.OutboundPolicy outbound;

  /**
   * The target's address of each operation called so far, resolved once: a target's addresses
   * depend on its settings only.
   */
  private final Map<String, URI> destinations = new java.util.concurrent.ConcurrentHashMap<>();

  /** The redactor of a target whose secrets never change (a fixed key), built once. */
  private final SecretRedactor fixedRedactor;

  /** The authorization headers of a target with a fixed key, built once. */
  private final Map<String, String> fixedAuthorization;

  /**
   * @param target where the upstream's operations live and how to authenticate to it
   * @param client the pooled client, which also holds the connect and read timeouts
   */
  public OpenAiCompatibleBackend(
      UpstreamTarget target,
      UpstreamHttp client,
      TokenCounter tokens,
      dev.lazurite.network.OutboundPolicy outbound) {
    this.outbound = outbound;
    this.target = target;
    this.client = client;
    this.tokens = tokens;
    this.fixedRedactor = target instanceof UpstreamTarget.OpenAi ? target.redactor() : null;
    this.fixedAuthorization =
        target instanceof UpstreamTarget.OpenAi ? target.authorization() : null;
  }

  /** What masks the target's secrets now (an Azure target's access token changes). */
  private SecretRedactor redactor() {
    return fixedRedactor != null ? fixedRedactor : target.redactor();
  }

  @Override
  public Answer invoke(BackendCall call) {
    if (call instanceof BackendCall.Chat chat
        && chat.request().raw().get(NativeResponses.REQUEST_FIELD) instanceof ObjectNode body
        && target.responses().isPresent()) {
      return chat.streamed()
          ? new Streamed(respondStreaming(target.responses().get(), body, chat.model()))
          : respond(target.responses().get(), body, chat.model());
    }
    String path =
        switch (call) {
          case BackendCall.Chat c -> "chat/completions";
          case BackendCall.Completion c -> "completions";
          case BackendCall.Embedding e -> "embeddings";
        };
    return call.streamed()
        ? new Streamed(stream(path, call.request(), call.model()))
        : call(path, call.request(), call.model());
  }

  /** Images and audio, forwarded to the upstream's route of the same name. */
  @Override
  public MediaAnswer media(MediaRequest request, ModelSpec model) {
    return UpstreamMedia.call(
        new UpstreamMedia.Sender() {
          @Override
          public UpstreamHttp.Response send(String path, HttpEntity body) throws IOException {
            URI destination = target.destination(path);
            outbound.checkAdministered(destination);
            return client.post(destination, target.authorization(), body);
          }

          @Override
          public SecretRedactor redactor() {
            return OpenAiCompatibleBackend.this.redactor();
          }

          @Override
          public String model(ModelSpec spec) {
            return target.model(spec);
          }
        },
        request,
        model);
  }

  /** Up when the model list answers below 500 and not 429 (a 401 still means it is there). */
  @Override
  public boolean probe() {
    URI destination = target.health();
    try {
      outbound.checkAdministered(destination);
      try (UpstreamHttp.Response response = client.get(destination, target.authorization())) {
        int status = response.status();
        return status < 500 && status != 429;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private Result call(String path, ModelRequest request, ModelSpec model) {
    int status;
    byte[] bytes;
    String retryAfter;
    try (UpstreamHttp.Response response = send(path, upstreamBody(request, model, false))) {
      status = response.status();
      retryAfter = response.header("Retry-After");
      bytes = response.bytes();
    } catch (IOException e) {
      throw failure(e);
    }
    if (status >= 400) {
      throw UpstreamErrors.map(status, redactor().redact(bytes), retryAfter);
    }
    UpstreamAnswer answer = UpstreamAnswer.read(redactor().redact(bytes));
    return new Result(
        answer.body(), answer.promptTokens(), answer.completionTokens(), answer.cachedTokens());
  }

  /**
   * A Responses request to an upstream that serves the Responses API: its body as the caller sent
   * it (the stored chain already in {@code input}), with the upstream's model name, not stored
   * upstream.
   */
  private Result respond(URI destination, ObjectNode responses, ModelSpec model) {
    ObjectNode upstream = responses.deepCopy();
    upstream.put("model", target.responsesModel(model));
    upstream.put("store", false);
    upstream.put("stream", false);
    int status;
    byte[] bytes;
    String retryAfter;
    try {
      outbound.checkAdministered(destination);
      try (UpstreamHttp.Response response =
          client.post(
              destination, target.authorization(), dev.lazurite.json.Json.write(upstream))) {
        status = response.status();
        retryAfter = response.header("Retry-After");
        bytes = response.bytes();
      }
    } catch (IOException e) {
      throw failure(e);
    }
    if (status >= 400) {
      throw UpstreamErrors.map(status, redactor().redact(bytes), retryAfter);
    }
    return NativeResponseAnswer.read(redactor().redact(bytes));
  }

  /**
   * A streamed Responses request to an upstream that serves the Responses API: accepted once the
   * upstream answers below 400 (else its error, before the stream starts), then its events as they
   * come ({@link NativeResponseStream}).
   */
  private EventStream respondStreaming(URI destination, ObjectNode responses, ModelSpec model) {
    ObjectNode upstream = responses.deepCopy();
    upstream.put("model", target.responsesModel(model));
    upstream.put("store", false);
    upstream.put("stream", true);
    UpstreamHttp.Response response;
    try {
      outbound.checkAdministered(destination);
      response =
          client.post(destination, target.authorization(), dev.lazurite.json.Json.write(upstream));
    } catch (IOException e) {
      throw failure(e);
    }
    return events(
        response,
        (in, sink) ->
            new NativeResponseStream(tokens, model.encoding(), redactor()).copy(in, sink));
  }

  /** How an accepted upstream stream is copied to the pipeline. */
  @FunctionalInterface
  private interface Copier {
    void copy(InputStream in, dev.lazurite.pipeline.EventSink sink) throws IOException;
  }

  private EventStream stream(String path, ModelRequest request, ModelSpec model) {
    UpstreamHttp.Response response;
    try {
      response = send(path, upstreamBody(request, model, true));
    } catch (IOException e) {
      throw failure(e);
    }
    boolean clientWantsUsage = includeUsage(request);
    return events(
        response,
        (in, sink) ->
            new SsePassThrough(tokens, model.encoding(), clientWantsUsage, redactor())
                .copy(in, sink));
  }

  /** The upstream's error when it refused the stream, else its events as the copier makes them. */
  private EventStream events(UpstreamHttp.Response response, Copier copier) {
    int status = response.status();
    if (status >= 400) {
      try (response;
          InputStream in = response.body()) {
        throw UpstreamErrors.map(
            status, redactor().redact(in.readNBytes(1 << 20)), response.header("Retry-After"));
      } catch (IOException e) {
        throw failure(e);
      }
    }
    return sink -> {
      // A copy that stops early (the client went away) drops the upstream connection: that is
      // how the upstream's work is cancelled. Closing alone would read the rest of the stream.
      try (response;
          InputStream in = response.body()) {
        boolean complete = false;
        try {
          copier.copy(in, sink);
          complete = true;
        } finally {
          if (!complete) {
            response.abort();
          }
        }
      } catch (IOException e) {
        throw UpstreamErrors.broken(e);
      }
    };
  }

  private static boolean includeUsage(ModelRequest request) {
    return switch (request) {
      case ChatRequest chat -> chat.includeUsage();
      case CompletionRequest completion -> completion.includeUsage();
      case EmbeddingRequest ignored -> false;
    };
  }

  /**
   * The caller's body as the upstream gets it: the upstream's model name, and the stream settings
   * this backend needs. Written field by field from the parsed request, which stays untouched (no
   * copy of the tree).
   */
  private byte[] upstreamBody(ModelRequest request, ModelSpec model, boolean stream) {
    ObjectNode raw = request.raw();
    return JsonWriting.bytes(
        json -> {
          json.writeStartObject();
          for (Map.Entry<String, JsonNode> field : raw.properties()) {
            String name = field.getKey();
            boolean replaced =
                name.equals(NativeResponses.REQUEST_FIELD)
                    || name.equals("model")
                    || name.equals("stream")
                    || (stream && name.equals("stream_options"));
            if (!replaced) {
              json.writeFieldName(name);
              JsonWriting.tree(json, field.getValue());
            }
          }
          json.writeStringField("model", target.model(model));
          if (stream) {
            json.writeBooleanField("stream", true);
            json.writeObjectFieldStart("stream_options");
            json.writeBooleanField("include_usage", true);
            json.writeEndObject();
          } else if (raw.has("stream")) {
            json.writeBooleanField("stream", false);
          }
          json.writeEndObject();
        });
  }

  private UpstreamHttp.Response send(String path, byte[] body) throws IOException {
    URI destination = destinations.get(path);
    if (destination == null) {
      destination = target.destination(path);
      destinations.putIfAbsent(path, destination);
    }
    outbound.checkAdministered(destination);
    return client.post(destination, authorization(), body);
  }

  /** The headers that authenticate a request (an Azure target's access token changes). */
  private Map<String, String> authorization() {
    return fixedAuthorization != null ? fixedAuthorization : target.authorization();
  }

  private static RuntimeException failure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return UpstreamErrors.timeout();
      }
    }
    return UpstreamErrors.unreachable(e);
  }
}
