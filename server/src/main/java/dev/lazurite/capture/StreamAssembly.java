package dev.lazurite.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * A streamed answer put back together as the one body the client would have had without {@code
 * stream}: a chat completion's chunks as a {@code chat.completion} (each choice's text, refusal and
 * tool calls with their arguments joined), a completion's chunks as a {@code text_completion}, and
 * a Responses stream as its final {@code response} (or, cut short, the output text received).
 * Events of another shape are kept as their SSE frames. Text beyond {@code bound} characters is not
 * kept, and the assembly says so.
 */
final class StreamAssembly {
  private final long bound;
  private final StringBuilder frames = new StringBuilder();
  private final Map<Integer, Choice> choices = new TreeMap<>();
  private final StringBuilder outputText = new StringBuilder();
  private ObjectNode head;
  private JsonNode usage;
  private JsonNode response;
  private boolean unknown;
  private long kept;
  private boolean cut;
  private boolean framesCut;

  StreamAssembly(long bound) {
    this.bound = bound;
  }

  /** Adds one event as sent: its SSE name (empty for a plain {@code data:} line) and its data. */
  void add(String name, JsonNode data, String frame) {
    if (frames.length() + frame.length() <= bound) {
      frames.append(frame);
    } else {
      framesCut = true;
    }
    if (name.startsWith("response.")) {
      if (data.has("response") && name.equals("response.completed")) {
        response = data.get("response");
      } else if (name.equals("response.output_text.delta")) {
        keep(outputText, data.path("delta").asText());
      }
      return;
    }
    String object = data.path("object").asText();
    if (object.isEmpty() && data.has("prompt_filter_results")) {
      return; // Azure's first chunk: the prompt's filter results, no text
    }
    if (!name.isEmpty()
        || !(object.equals("chat.completion.chunk") || object.equals("text_completion"))) {
      unknown |= !data.isEmpty();
      return;
    }
    if (head == null) {
      head = Json.MAPPER.createObjectNode();
      head.put("id", data.path("id").asText());
      head.put("object", object.equals("text_completion") ? object : "chat.completion");
      head.set("created", data.path("created"));
      head.put("model", data.path("model").asText());
    }
    if (data.hasNonNull("usage")) {
      usage = data.get("usage");
    }
    for (JsonNode c : data.path("choices")) {
      Choice choice = choices.computeIfAbsent(c.path("index").asInt(), i -> new Choice());
      if (c.hasNonNull("finish_reason")) {
        choice.finishReason = c.get("finish_reason").asText();
      }
      if (c.has("text")) {
        keep(choice.content, c.path("text").asText());
      }
      JsonNode delta = c.path("delta");
      keep(choice.content, delta.path("content").asText(""));
      keep(choice.refusal, delta.path("refusal").asText(""));
      for (JsonNode call : delta.path("tool_calls")) {
        ToolCall t = choice.calls.computeIfAbsent(call.path("index").asInt(), i -> new ToolCall());
        if (call.hasNonNull("id")) {
          t.id = call.get("id").asText();
        }
        if (call.path("function").hasNonNull("name")) {
          t.name = call.path("function").get("name").asText();
        }
        keep(t.arguments, call.path("function").path("arguments").asText(""));
      }
    }
  }

  /** Whether some text was not kept. */
  boolean cut() {
    return raw() ? framesCut : cut;
  }

  private boolean raw() {
    return unknown || (head == null && response == null && outputText.isEmpty());
  }

  /** The assembled body, or the raw frames when the events were of no known shape. */
  String text() {
    if (raw()) {
      return frames.toString();
    }
    if (response != null) {
      return Json.writeString(response);
    }
    if (head == null) {
      ObjectNode partial = Json.MAPPER.createObjectNode();
      partial.put("object", "response");
      partial.put("status", "incomplete");
      partial.put("output_text", outputText.toString());
      return Json.writeString(partial);
    }
    ObjectNode out = head.deepCopy();
    ArrayNode list = out.putArray("choices");
    boolean chat = out.path("object").asText().equals("chat.completion");
    choices.forEach((index, c) -> list.add(c.json(index, chat)));
    if (usage != null) {
      out.set("usage", usage);
    }
    return Json.writeString(out);
  }

  private void keep(StringBuilder into, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (kept + text.length() > bound) {
      cut = true;
      return;
    }
    kept += text.length();
    into.append(text);
  }

  private static final class Choice {
    final StringBuilder content = new StringBuilder();
    final StringBuilder refusal = new StringBuilder();
    final Map<Integer, ToolCall> calls = new TreeMap<>();
    String finishReason;

    ObjectNode json(int index, boolean chat) {
      ObjectNode c = Json.MAPPER.createObjectNode();
      c.put("index", index);
      if (!chat) {
        c.put("text", content.toString());
      } else {
        ObjectNode m = c.putObject("message");
        m.put("role", "assistant");
        if (calls.isEmpty() || !content.isEmpty()) {
          m.put("content", content.toString());
        } else {
          m.putNull("content");
        }
        if (!refusal.isEmpty()) {
          m.put("refusal", refusal.toString());
        }
        if (!calls.isEmpty()) {
          ArrayNode tools = m.putArray("tool_calls");
          calls.values().forEach(t -> tools.add(t.json()));
        }
      }
      if (finishReason == null) {
        c.putNull("finish_reason");
      } else {
        c.put("finish_reason", finishReason);
      }
      return c;
    }
  }

  private static final class ToolCall {
    final StringBuilder arguments = new StringBuilder();
    String id = "";
    String name = "";

    ObjectNode json() {
      ObjectNode t = Json.MAPPER.createObjectNode();
      t.put("id", id);
      t.put("type", "function");
      t.putObject("function").put("name", name).put("arguments", arguments.toString());
      return t;
    }
  }
}
