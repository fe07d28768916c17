package dev.lazurite.backend.simulator;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.Usage;
import dev.lazurite.api.chat.ChatChunk;
import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.api.completions.TextCompletion;
import dev.lazurite.api.media.MediaRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.backend.Ids;
import dev.lazurite.backend.MediaBackend;
import dev.lazurite.backend.translate.ChunkStamp;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.StreamEvent;
import dev.lazurite.tokens.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A deterministic stand-in for a model: the same request with the same {@code seed} gets the same
 * answer. It honours {@code max_tokens}, {@code n}, {@code stop}, tools, {@code response_format}
 * and {@code logprobs}, counts tokens with the model's real encoding, reports cached prompt tokens
 * for prompt prefixes the deployment has seen (as Azure's prompt caching does), and can be slowed
 * down to behave like a real model under load.
 */
public final class SimulatorBackend implements Backend, MediaBackend {
  private final Generator generator;
  private final SimulatorConfig config;
  private final SimulatedEmbeddings embeddings;
  private final GroundedAnswers grounded;
  private final PromptCache promptCache;
  private final SimulatedMedia media = new SimulatedMedia(Clock.systemUTC());

  public SimulatorBackend(TokenCounter tokens, SimulatorConfig config) {
    this(tokens, config, null);
  }

  /**
   * @param sentenceVectors embeds sentences, for answering grounded requests extractively; null to
   *     answer them with prose like any other
   */
  public SimulatorBackend(
      TokenCounter tokens,
      SimulatorConfig config,
      java.util.function.Function<List<String>, List<float[]>> sentenceVectors) {
    this.generator = new Generator(tokens, config);
    this.config = config;
    this.embeddings = new SimulatedEmbeddings(tokens);
    this.promptCache = new PromptCache(tokens);
    this.grounded = sentenceVectors == null ? null : new GroundedAnswers(sentenceVectors);
  }

  @Override
  public MediaAnswer media(MediaRequest request, ModelSpec model) {
    return media.media(request, model);
  }

  @Override
  public Answer invoke(BackendCall call) {
    return switch (call) {
      case BackendCall.Chat c -> {
        int cached = promptCache.cachedTokens(c.deployment(), c.model().encoding(), c.request());
        yield c.streamed()
            ? new Streamed(chatStream(c.request(), c.model(), cached))
            : chat(c.request(), c.model(), cached);
      }
      case BackendCall.Completion c ->
          c.streamed()
              ? new Streamed(completeStream(c.request(), c.model()))
              : complete(c.request(), c.model());
      case BackendCall.Embedding e -> embed(e.request(), e.model());
    };
  }

  private Result chat(ChatRequest request, ModelSpec model, int cached) {
    List<Generation> generations = chatGenerations(request, model);
    List<ChatCompletion.Choice> choices = new ArrayList<>();
    int completion = 0;
    for (int i = 0; i < generations.size(); i++) {
      Generation g = generations.get(i);
      completion += g.completionTokens();
      choices.add(
          new ChatCompletion.Choice(
              i,
              new ChatCompletion.Message(
                  "assistant", g.toolCalls().isEmpty() ? g.text() : null, null, toolCalls(g)),
              g.finishReason(),
              request.logprobs()
                  ? Logprobs.chat(g, request.topLogprobs(), random(request, i))
                  : null));
    }
    sleep(config.timeToFirstToken());
    var body =
        new ChatCompletion(
            Ids.chatCompletion(),
            "chat.completion",
            Instant.now().getEpochSecond(),
            model.responseName(),
            choices,
            Usage.chat(request.promptTokens(), completion, cached),
            Ids.fingerprint(model.responseName()));
    return new Result(body, request.promptTokens(), completion, cached);
  }

  private EventStream chatStream(ChatRequest request, ModelSpec model, int cached) {
    List<Generation> generations = chatGenerations(request, model);
    String id = Ids.chatCompletion();
    long created = Instant.now().getEpochSecond();
    String fingerprint = Ids.fingerprint(model.responseName());
    return sink -> {
      var chunks =
          new ChunkStamp(id, created, model.responseName(), fingerprint, request.includeUsage());
      sleep(config.timeToFirstToken());
      int completion = 0;
      for (int i = 0; i < generations.size(); i++) {
        Generation g = generations.get(i);
        if (g.toolCalls().isEmpty()) {
          sink.send(chunks.event(i, new ChatChunk.Delta("assistant", "", null), null, null, 0));
          Random random = random(request, i);
          for (int p = 0; p < g.pieces().size(); p++) {
            if (p > 0) {
              sleep(config.perToken());
            }
            String piece = g.pieces().get(p);
            var logprobs =
                request.logprobs()
                    ? Logprobs.chat(
                        new Generation(List.of(piece), List.of(), "stop", 1),
                        request.topLogprobs(),
                        random)
                    : null;
            sink.send(chunks.event(i, new ChatChunk.Delta(null, piece, null), null, logprobs, 1));
          }
        } else {
          streamToolCalls(sink, chunks, i, g);
        }
        completion += g.completionTokens();
        sink.send(
            chunks.event(i, new ChatChunk.Delta(null, null, null), g.finishReason(), null, 0));
      }
      if (request.includeUsage()) {
        sink.send(
            new StreamEvent(
                chunks.usage(Usage.chat(request.promptTokens(), completion, cached)), 0, cached));
      } else if (cached > 0) {
        sink.send(StreamEvent.meteringOnly(0, cached));
      }
    };
  }

  private void streamToolCalls(EventSink sink, ChunkStamp chunks, int index, Generation g) {
    int perCall = Math.max(1, g.completionTokens() / g.toolCalls().size());
    for (int c = 0; c < g.toolCalls().size(); c++) {
      ChatRequest.ToolCall call = g.toolCalls().get(c);
      var start =
          new ChatChunk.ToolCallDelta(
              c, call.id(), "function", new ChatChunk.FunctionDelta(call.name(), ""));
      sink.send(
          chunks.event(
              index, new ChatChunk.Delta("assistant", null, List.of(start)), null, null, 0));
      String args = call.arguments();
      int step = Math.max(1, args.length() / 4);
      for (int from = 0; from < args.length(); from += step) {
        sleep(config.perToken());
        String part = args.substring(from, Math.min(args.length(), from + step));
        var delta =
            new ChatChunk.ToolCallDelta(c, null, null, new ChatChunk.FunctionDelta(null, part));
        int tokens = from + step >= args.length() ? perCall : 0;
        sink.send(
            chunks.event(
                index, new ChatChunk.Delta(null, null, List.of(delta)), null, null, tokens));
      }
    }
  }

  private List<Generation> chatGenerations(ChatRequest request, ModelSpec model) {
    int limit =
        request
            .maxTokens()
            .orElse(
                Math.max(
                    1,
                    Math.min(
                        model.maxOutputTokens(), model.contextWindow() - request.promptTokens())));
    List<Generation> generations = new ArrayList<>(request.n());
    for (int i = 0; i < request.n(); i++) {
      Random random = random(request, i);
      if (Generator.callsTools(request)) {
        generations.add(generator.toolCalls(request, random, model.encoding(), limit));
        continue;
      }
      var instance = Generator.structured(request.responseFormat(), random, limit);
      if (instance != null && instance.truncated()) {
        generations.add(
            generator.unfinished(
                Json.writeString(instance.value()), model.encoding(), limit, request.stop()));
        continue;
      }
      String structured = instance == null ? null : Json.writeString(instance.value());
      if (structured == null) {
        structured = Generator.echo(request);
      }
      if (structured == null && grounded != null) {
        structured = grounded.answer(request);
      }
      generations.add(
          structured == null
              ? generator.text(random, model.encoding(), limit, request.stop())
              : generator.fixed(structured, model.encoding(), limit, request.stop()));
    }
    return generations;
  }

  private Result complete(CompletionRequest request, ModelSpec model) {
    List<TextCompletion.Choice> choices = new ArrayList<>();
    int completion = 0;
    int index = 0;
    for (int p = 0; p < request.prompts().size(); p++) {
      for (int c = 0; c < request.n(); c++, index++) {
        Random random = random(request, p, c);
        Generation g =
            generator.text(random, model.encoding(), request.maxTokens(), request.stop());
        completion += g.completionTokens();
        String text = request.echo() ? request.prompts().get(p) + g.text() : g.text();
        choices.add(
            new TextCompletion.Choice(
                text,
                index,
                g.finishReason(),
                request.logprobs() > 0 ? Logprobs.text(g, request.logprobs(), random) : null));
      }
    }
    sleep(config.timeToFirstToken());
    var body =
        new TextCompletion(
            Ids.completion(),
            "text_completion",
            Instant.now().getEpochSecond(),
            model.responseName(),
            choices,
            Usage.plain(request.promptTokens(), completion),
            null);
    return new Result(body, request.promptTokens(), completion);
  }

  private EventStream completeStream(CompletionRequest request, ModelSpec model) {
    String id = Ids.completion();
    long created = Instant.now().getEpochSecond();
    return sink -> {
      sleep(config.timeToFirstToken());
      int completion = 0;
      int index = 0;
      for (int p = 0; p < request.prompts().size(); p++) {
        for (int c = 0; c < request.n(); c++, index++) {
          Generation g =
              generator.text(
                  random(request, p, c), model.encoding(), request.maxTokens(), request.stop());
          for (int i = 0; i < g.pieces().size(); i++) {
            if (i > 0) {
              sleep(config.perToken());
            }
            String finish = i == g.pieces().size() - 1 ? g.finishReason() : null;
            var choice = new TextCompletion.Choice(g.pieces().get(i), index, finish, null);
            sink.send(
                new StreamEvent(
                    new TextCompletion(
                        id,
                        "text_completion",
                        created,
                        model.responseName(),
                        List.of(choice),
                        null,
                        null),
                    1));
          }
          completion += g.completionTokens();
        }
      }
      if (request.includeUsage()) {
        var usage = Usage.plain(request.promptTokens(), completion);
        sink.send(
            new StreamEvent(
                new TextCompletion(
                    id, "text_completion", created, model.responseName(), List.of(), usage, null),
                0));
      }
    };
  }

  private Result embed(EmbeddingRequest request, ModelSpec model) {
    return embeddings.embed(request, model);
  }

  private static List<ChatCompletion.ToolCall> toolCalls(Generation g) {
    if (g.toolCalls().isEmpty()) {
      return List.of();
    }
    return g.toolCalls().stream()
        .map(
            c ->
                new ChatCompletion.ToolCall(
                    c.id(), "function", new ChatCompletion.Function(c.name(), c.arguments())))
        .toList();
  }

  private static Random random(ChatRequest request, int choice) {
    long base = request.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
    long prompt = 0;
    for (ChatRequest.Message m : request.messages()) {
      prompt = prompt * 31 + m.text().hashCode();
    }
    return new Random(base * 0x9E3779B97F4A7C15L + prompt + choice * 0xC2B2AE3D27D4EB4FL);
  }

  private static Random random(CompletionRequest request, int prompt, int choice) {
    long base = request.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
    return new Random(
        base * 0x9E3779B97F4A7C15L
            + request.prompts().get(prompt).hashCode()
            + choice * 0xC2B2AE3D27D4EB4FL);
  }

  static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
    }
  }
}
