package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code file_search_call} of one response, made from what On Your Data's retrieval reported
 * ({@code message.context}: the cited documents and every retrieved one): the output item that
 * comes before the answer, with its {@code results} when the request includes {@code
 * file_search_call.results}, and the {@code file_citation} annotations of the answer's text, one
 * per {@code [docN]} marker of a document the model was given ({@code index} is where the marker
 * stands in the text). A result's {@code file_id} is the document's file path, else its URL, else
 * its title; its {@code filename} the file path, else the title.
 */
final class FileSearchCall {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern MARKER = Pattern.compile("\\[doc(\\d+)]");

  private final FileSearchTool tool;
  private final String query;
  private final boolean includeResults;
  private final String id = ResponseIds.fileSearchCall();
  private JsonNode context = NODES.objectNode();

  FileSearchCall(FileSearchTool tool, String query, boolean includeResults) {
    this.tool = requireNonNull(tool, "tool is null");
    this.query = requireNonNull(query, "query is null");
    this.includeResults = includeResults;
  }

  String id() {
    return id;
  }

  /** Takes the retrieval's report ({@code message.context}); an absent one reports nothing. */
  void accept(JsonNode reported) {
    if (reported != null && reported.isObject()) {
      context = reported;
    }
  }

  /** The output item as it stands at {@code status}; results only once completed. */
  ObjectNode item(String status) {
    ObjectNode item = NODES.objectNode();
    item.put("id", id);
    item.put("type", "file_search_call");
    item.put("status", status);
    item.putArray("queries").add(query);
    if (includeResults && status.equals("completed")) {
      item.set("results", results());
    } else {
      item.putNull("results");
    }
    return item;
  }

  private ArrayNode results() {
    ArrayNode results = NODES.arrayNode();
    for (JsonNode doc : context.path("all_retrieved_documents")) {
      if (results.size() >= tool.maxNumResults()) {
        break;
      }
      if (doc.path("filter_reason").asText("").equals("score")) {
        continue;
      }
      ObjectNode r = results.addObject();
      r.put("file_id", fileId(doc));
      r.put("filename", filename(doc));
      r.put("score", doc.path("original_search_score").asDouble(0));
      r.put("text", doc.path("content").asText(""));
      ObjectNode attributes = r.putObject("attributes");
      for (String field : List.of("title", "url", "filepath", "chunk_id")) {
        if (doc.path(field).isTextual() && !doc.get(field).asText().isEmpty()) {
          attributes.put(field, doc.get(field).asText());
        }
      }
    }
    return results;
  }

  /** The file citations of the answer's text, in the order their markers appear. */
  ArrayNode annotations(String text) {
    ArrayNode annotations = NODES.arrayNode();
    JsonNode cited = context.path("citations");
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      int n;
      try {
        n = Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (n < 1 || n > cited.size()) {
        continue;
      }
      JsonNode doc = cited.get(n - 1);
      annotations
          .addObject()
          .put("type", "file_citation")
          .put("index", m.start())
          .put("file_id", fileId(doc))
          .put("filename", filename(doc));
    }
    return annotations;
  }

  /**
   * A whole answer's output with the call first and the citations on its text parts; {@code
   * reported} is the answer's {@code message.context}.
   */
  List<ObjectNode> decorate(List<ObjectNode> output, JsonNode reported) {
    accept(reported);
    List<ObjectNode> items = new ArrayList<>();
    items.add(item("completed"));
    for (ObjectNode item : output) {
      if (item.path("type").asText().equals("message")) {
        annotate(item);
      }
      items.add(item);
    }
    return items;
  }

  /** Sets the citations of each text part of a message item. */
  void annotate(ObjectNode message) {
    for (JsonNode part : message.path("content")) {
      if (part instanceof ObjectNode p && p.path("type").asText().equals("output_text")) {
        p.set("annotations", annotations(p.path("text").asText("")));
      }
    }
  }

  private static String fileId(JsonNode doc) {
    for (String field : List.of("filepath", "url", "title")) {
      if (doc.path(field).isTextual() && !doc.get(field).asText().isBlank()) {
        return doc.get(field).asText();
      }
    }
    return doc.path("chunk_id").asText("0");
  }

  private static String filename(JsonNode doc) {
    for (String field : List.of("filepath", "title")) {
      if (doc.path(field).isTextual() && !doc.get(field).asText().isBlank()) {
        return doc.get(field).asText();
      }
    }
    return fileId(doc);
  }
}
