package dev.lazurite.ondata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.NativeResponses;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.Response;
import java.util.List;

/**
 * Shapes On Your Data answers as the service does: {@code object: "extensions.chat.completion"},
 * {@code message.context} with citations and intent, {@code end_turn}, and, streamed, the context
 * in the first chunk's delta.
 */
final class GroundedResponses {
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
        yield json.withBody(body);
      }
      case Response.Stream stream -> stream.withEvents(chunks(stream.events(), context));
      case Response.Bytes bytes -> bytes;
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
            if (!contextSent[0] && p.has(NativeResponses.EVENT_FIELD)) {
              // An upstream's own Responses event: the context travels beside the first one.
              p.set("context", context);
              contextSent[0] = true;
              sink.send(event.withPayload(p));
              return;
            }
            if (p.path("id").asText().isEmpty()) {
              // The content filter's own annotation events are not the model's chunks.
              sink.send(event);
              return;
            }
            p.put("object", CHUNK);
            for (JsonNode choice : p.path("choices")) {
              ObjectNode c = (ObjectNode) choice;
              if (!contextSent[0] && c.path("delta").isObject()) {
                ((ObjectNode) c.get("delta")).set("context", context);
                contextSent[0] = true;
              }
              c.put("end_turn", !c.path("finish_reason").isNull() && c.has("finish_reason"));
            }
            sink.send(event.withPayload(p));
          });
    };
  }
}
