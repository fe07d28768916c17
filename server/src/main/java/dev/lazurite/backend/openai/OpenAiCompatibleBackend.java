package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Any server that speaks OpenAI's API (vLLM, Ollama, llama.cpp server, LocalAI, OpenAI itself).
 * Requests go upstream with the upstream model name; streams are passed through chunk by chunk as
 * they arrive; upstream errors and timeouts become Azure errors.
 */
public final class OpenAiCompatibleBackend implements Backend {
  private final URI base;
  private final String upstreamModel;
  private final String apiKey;
  private final HttpClient client;
  private final Duration readTimeout;
  private final TokenCounter tokens;

  /**
   * @param upstreamModel the model name the upstream knows; empty to send the deployment's model
   * @param apiKey sent as {@code Authorization: Bearer}; empty for none
   */
  public OpenAiCompatibleBackend(
      URI base,
      String upstreamModel,
      String apiKey,
      HttpClient client,
      Duration readTimeout,
      TokenCounter tokens) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.upstreamModel = upstreamModel;
    this.apiKey = apiKey;
    this.client = client;
    this.readTimeout = readTimeout;
    this.tokens = tokens;
  }

  @Override
  public Result chat(ChatRequest request, ModelSpec model) {
    return call("chat/completions", request, model);
  }

  @Override
  public EventStream chatStream(ChatRequest request, ModelSpec model) {
    return stream("chat/completions", request, model);
  }

  @Override
  public Result complete(CompletionRequest request, ModelSpec model) {
    return call("completions", request, model);
  }

  @Override
  public EventStream completeStream(CompletionRequest request, ModelSpec model) {
    return stream("completions", request, model);
  }

  @Override
  public Result embed(EmbeddingRequest request, ModelSpec model) {
    return call("embeddings", request, model);
  }

  private Result call(String path, ModelRequest request, ModelSpec model) {
    ObjectNode body = upstreamBody(request, model, false);
    HttpResponse<byte[]> response = send(path, body, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 400) {
      throw UpstreamErrors.map(response.statusCode(), response.body());
    }
    ObjectNode answer = UpstreamErrors.parseObject(response.body());
    JsonNode usage = answer.path("usage");
    return new Result(
        answer, usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
  }

  private EventStream stream(String path, ModelRequest request, ModelSpec model) {
    ObjectNode body = upstreamBody(request, model, true);
    HttpResponse<InputStream> response =
        send(path, body, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 400) {
      try (InputStream in = response.body()) {
        throw UpstreamErrors.map(response.statusCode(), in.readNBytes(1 << 20));
      } catch (IOException e) {
        throw UpstreamErrors.unreachable(e);
      }
    }
    boolean clientWantsUsage = includeUsage(request);
    return sink -> {
      try (InputStream in = response.body()) {
        new SsePassThrough(tokens, model.encoding(), clientWantsUsage).copy(in, sink);
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

  private ObjectNode upstreamBody(ModelRequest request, ModelSpec model, boolean stream) {
    ObjectNode body = request.raw().deepCopy();
    body.put("model", upstreamModel.isEmpty() ? model.name() : upstreamModel);
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    } else if (body.has("stream")) {
      body.put("stream", false);
    }
    return body;
  }

  private <T> HttpResponse<T> send(
      String path, ObjectNode body, HttpResponse.BodyHandler<T> handler) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(readTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    if (!apiKey.isEmpty()) {
      builder.header("Authorization", "Bearer " + apiKey);
    }
    try {
      return client.send(builder.build(), handler);
    } catch (HttpTimeoutException e) {
      throw UpstreamErrors.timeout();
    } catch (IOException e) {
      throw UpstreamErrors.unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UpstreamErrors.unreachable(new IOException("interrupted", e));
    }
  }
}
