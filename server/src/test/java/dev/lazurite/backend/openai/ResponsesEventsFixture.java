package dev.lazurite.backend.openai;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's published Responses streaming events (the API reference's text example), as an upstream
 * sends them: {@code event:} and {@code data:} lines, the text split into deltas, usage on {@code
 * response.completed}.
 */
final class ResponsesEventsFixture {
  static final String UPSTREAM_ID = "resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654";
  static final String ITEM_ID = "msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654";

  private ResponsesEventsFixture() {}

  static String response(String status, String output, String usage) {
    return ("{\"id\":\"%s\",\"object\":\"response\",\"created_at\":1741290958,\"status\":\"%s\","
            + "\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
            + "\"max_output_tokens\":null,\"model\":\"gpt-4.1-2025-04-14\",\"output\":[%s],"
            + "\"parallel_tool_calls\":true,\"previous_response_id\":null,"
            + "\"reasoning\":{\"effort\":null,\"summary\":null},\"store\":false,\"temperature\":1.0,"
            + "\"text\":{\"format\":{\"type\":\"text\"}},\"tool_choice\":\"auto\",\"tools\":[],"
            + "\"top_p\":1.0,\"truncation\":\"disabled\",\"usage\":%s,\"user\":null,"
            + "\"metadata\":{}}")
        .formatted(UPSTREAM_ID, status, output, usage);
  }

  static String item(String status, String text) {
    return ("{\"id\":\"%s\",\"type\":\"message\",\"status\":\"%s\",\"role\":\"assistant\","
            + "\"content\":[%s]}")
        .formatted(
            ITEM_ID,
            status,
            text == null
                ? ""
                : "{\"type\":\"output_text\",\"text\":\"" + text + "\"," + "\"annotations\":[]}");
  }

  /** The events of a whole answer of {@code deltas}. */
  static List<String> completed(List<String> deltas, int input, int cached, int output) {
    List<String> events = started(deltas);
    String text = String.join("", deltas);
    events.add(
        "{\"type\":\"response.output_text.done\",\"item_id\":\"%s\",\"output_index\":0,\"content_index\":0,\"text\":\"%s\"}"
            .formatted(ITEM_ID, text));
    events.add(
        "{\"type\":\"response.content_part.done\",\"item_id\":\"%s\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"%s\",\"annotations\":[]}}"
            .formatted(ITEM_ID, text));
    events.add(
        "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":%s}"
            .formatted(item("completed", text)));
    String usage =
        ("{\"input_tokens\":%d,\"input_tokens_details\":{\"cached_tokens\":%d},"
                + "\"output_tokens\":%d,\"output_tokens_details\":{\"reasoning_tokens\":0},"
                + "\"total_tokens\":%d}")
            .formatted(input, cached, output, input + output);
    events.add(
        "{\"type\":\"response.completed\",\"response\":%s}"
            .formatted(response("completed", item("completed", text), usage)));
    return events;
  }

  /** The events up to and including the deltas. */
  static List<String> started(List<String> deltas) {
    List<String> events = new ArrayList<>();
    events.add(
        "{\"type\":\"response.created\",\"response\":%s}"
            .formatted(response("in_progress", "", "null")));
    events.add(
        "{\"type\":\"response.in_progress\",\"response\":%s}"
            .formatted(response("in_progress", "", "null")));
    events.add(
        "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":%s}"
            .formatted(item("in_progress", null)));
    events.add(
        "{\"type\":\"response.content_part.added\",\"item_id\":\"%s\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}"
            .formatted(ITEM_ID));
    for (String delta : deltas) {
      events.add(
          "{\"type\":\"response.output_text.delta\",\"item_id\":\"%s\",\"output_index\":0,\"content_index\":0,\"delta\":\"%s\"}"
              .formatted(ITEM_ID, delta));
    }
    return events;
  }

  /** The events as SSE, numbered. */
  static String sse(List<String> events) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      String data = events.get(i);
      String type = data.substring(9, data.indexOf('"', 9));
      data = data.substring(0, data.length() - 1) + ",\"sequence_number\":" + i + "}";
      out.append("event: ").append(type).append('\n').append("data: ").append(data).append("\n\n");
    }
    return out.toString();
  }
}
