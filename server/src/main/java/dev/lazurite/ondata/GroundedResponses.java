package dev.lazurite.ondata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.backend.Ids;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.StreamEvent;
import java.time.Instant;
import java.util.List;

/**
 * Shapes On Your Data answers as the service does: {@code object: "extensions.chat.completion"},
 * {@code message.context} with citations and intent, {@code end_turn}, and, streamed, the context
 * in the first chunk's delta.
 */
final class GroundedResponses {
  /** The service's answer when nothing relevant was retrieved and {@code in_scope} is on. */
  static final String NOT_IN_DATA =
      "The requested information is not available in the retrieved data. Please try another query"
          + " or topic.";

  private static final String OBJECT = "extensions.chat.completion";
  private static final String CHUNK = "extensions.chat.completion.chunk";

  private GroundedResponses() {}

  static ObjectNode context(DataSource ds, List<Retrieved> docs, String question) {
    ObjectNode context = Json.MAPPER.createObjectNode();
    if (ds.includeContexts().contains("citations")) {
      ArrayNode citations = context.putArray("citations");
      for (Retrieved r : docs) {
        if (r.used()) {
          document(citations.addObject(), r);
        }
      }
    }
    if (ds.includeContexts().contains("intent")) {
      context.put("intent", Json.writeString(List.of(question)));
    }
    if (ds.includeContexts().contains("all_retrieved_documents")) {
      ArrayNode all = context.putArray("all_retrieved_documents");
      for (Retrieved r : docs) {
        ObjectNode d = document(all.addObject(), r);
        d.putArray("search_queries").add(question);
        d.put("data_source_index", 0);
        d.put("original_search_score", r.searchScore());
        if (r.used()) {
          d.putNull("filter_reason");
        } else {
          d.put("filter_reason", r.filterReason());
        }
      }
    }
    return context;
  }

  /** The fields a citation and a retrieved document share. */
  private static ObjectNode document(ObjectNode out, Retrieved r) {
    out.put("content", r.content());
    out.put("title", r.title());
    out.put("url", r.url());
    out.put("filepath", r.filepath());
    out.put("chunk_id", r.chunkId());
    r.rerankScore().ifPresent(s -> out.put("rerank_score", s));
    return out;
  }

  static Response decorate(Response response, ObjectNode context) {
    return switch (response) {
      case Response.Json json -> {
        ObjectNode body = Json.WIRE.valueToTree(json.body());
        body.put("object", OBJECT);
        for (JsonNode choice : body.path("choices")) {
          ObjectNode c = (ObjectNode) choice;
          if (c.path("message").isObject()) {
            ((ObjectNode) c.get("message")).set("context", context);
          }
          c.put("end_turn", true);
        }
        yield new Response.Json(json.status(), json.headers(), body, json.completionTokens());
      }
      case Response.Stream stream -> stream.withEvents(chunks(stream.events(), context));
    };
  }

  private static EventStream chunks(EventStream events, ObjectNode context) {
    return sink -> {
      boolean[] contextSent = {false};
      events.writeTo(
          event -> {
            if (!event.sent()) {
              sink.send(event);
              return;
            }
            ObjectNode p = Json.WIRE.valueToTree(event.payload());
            p.put("object", CHUNK);
            for (JsonNode choice : p.path("choices")) {
              ObjectNode c = (ObjectNode) choice;
              if (!contextSent[0] && c.path("delta").isObject()) {
                ((ObjectNode) c.get("delta")).set("context", context);
                contextSent[0] = true;
              }
              c.put("end_turn", !c.path("finish_reason").isNull() && c.has("finish_reason"));
            }
            sink.send(new StreamEvent(p, event.completionTokens()));
          });
    };
  }

  /** The answer given without calling the model when nothing relevant was retrieved. */
  static Response notInData(ChatRequest chat, ModelSpec model, ObjectNode context, int tokens) {
    String id = Ids.chatCompletion();
    long created = Instant.now().getEpochSecond();
    if (!chat.stream()) {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("id", id)
          .put("object", OBJECT)
          .put("created", created)
          .put("model", model.responseName());
      ObjectNode choice = body.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice
          .putObject("message")
          .put("role", "assistant")
          .put("content", NOT_IN_DATA)
          .set("context", context);
      choice.put("end_turn", true);
      body.putObject("usage")
          .put("prompt_tokens", chat.promptTokens())
          .put("completion_tokens", tokens)
          .put("total_tokens", chat.promptTokens() + tokens);
      return new Response.Json(200, java.util.Map.of(), body, tokens);
    }
    return Response.Stream.of(
        sink -> {
          sink.send(new StreamEvent(chunk(id, created, model, delta(context, true), null), 0));
          sink.send(
              new StreamEvent(
                  chunk(
                      id,
                      created,
                      model,
                      Json.MAPPER.createObjectNode().put("content", NOT_IN_DATA),
                      null),
                  tokens));
          sink.send(
              new StreamEvent(
                  chunk(id, created, model, Json.MAPPER.createObjectNode(), "stop"), 0));
        });
  }

  private static ObjectNode delta(ObjectNode context, boolean role) {
    ObjectNode delta = Json.MAPPER.createObjectNode();
    if (role) {
      delta.put("role", "assistant");
    }
    delta.set("context", context);
    return delta;
  }

  private static ObjectNode chunk(
      String id, long created, ModelSpec model, ObjectNode delta, String finish) {
    ObjectNode chunk = Json.MAPPER.createObjectNode();
    chunk
        .put("id", id)
        .put("object", CHUNK)
        .put("created", created)
        .put("model", model.responseName());
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0).set("delta", delta);
    choice.put("end_turn", finish != null);
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return chunk;
  }
}
