package dev.lazurite.api.media;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A transcript in each {@code response_format} OpenAI and Azure answer with: {@code json} and
 * {@code verbose_json} as JSON, {@code text}, {@code srt} and {@code vtt} as plain text. Words are
 * spread evenly over the audio's duration.
 */
public final class Transcripts {
  private Transcripts() {}

  /** The body of a JSON format. */
  public static ObjectNode json(
      TranscriptionRequest request, String text, String language, double seconds) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (!request.format().equals("verbose_json")) {
      body.put("text", text);
      return body;
    }
    body.put("task", request.translation() ? "translate" : "transcribe");
    body.put("language", language);
    body.put("duration", round(seconds));
    body.put("text", text);
    List<String> words = words(text);
    if (request.granularities().contains("word")) {
      ArrayNode list = body.putArray("words");
      for (int i = 0; i < words.size(); i++) {
        ObjectNode w = list.addObject();
        w.put("word", words.get(i));
        w.put("start", round(seconds * i / words.size()));
        w.put("end", round(seconds * (i + 1) / words.size()));
      }
    }
    if (request.granularities().isEmpty() || request.granularities().contains("segment")) {
      ObjectNode segment = body.putArray("segments").addObject();
      segment.put("id", 0);
      segment.put("seek", 0);
      segment.put("start", 0.0);
      segment.put("end", round(seconds));
      segment.put("text", text);
      segment.putArray("tokens");
      segment.put("temperature", request.temperature());
      segment.put("avg_logprob", -0.2);
      segment.put("compression_ratio", 1.0);
      segment.put("no_speech_prob", 0.0);
    }
    return body;
  }

  /** The body of a text format: the text, or one subtitle cue spanning the audio. */
  public static String text(String format, String text, double seconds) {
    return switch (format) {
      case "srt" -> "1\n00:00:00,000 --> " + clock(seconds, ',') + "\n" + text + "\n\n";
      case "vtt" -> "WEBVTT\n\n00:00:00.000 --> " + clock(seconds, '.') + "\n" + text + "\n\n";
      default -> text;
    };
  }

  public static boolean isJson(String format) {
    return format.equals("json") || format.equals("verbose_json");
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }

  private static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }

  private static String clock(double seconds, char separator) {
    long millis = Math.round(seconds * 1000);
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d%c%03d",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        separator,
        millis % 1000);
  }
}
