package dev.lazurite.api.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.Fields;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a transcription or translation form: its text fields (as strings, the way forms carry
 * them) and its audio file.
 */
public final class TranscriptionRequestParser {
  static final List<String> FORMATS = List.of("json", "text", "srt", "verbose_json", "vtt");
  static final List<String> GRANULARITIES = List.of("word", "segment");
  private static final List<String> FIELDS =
      List.of(
          "model",
          "language",
          "prompt",
          "response_format",
          "temperature",
          "timestamp_granularities",
          "timestamp_granularities[]");

  private TranscriptionRequestParser() {}

  /**
   * @param fields the form's text fields; a field sent more than once is an array
   * @param audio the file part, empty when the form had none
   */
  public static TranscriptionRequest parse(
      ObjectNode fields, boolean translation, Optional<String> filename, byte[] audio) {
    Fields.rejectUnknown(fields, FIELDS);
    if (filename.isEmpty()) {
      throw ApiException.invalid(
          "Missing required parameter: 'file'.", "file", "missing_required_parameter");
    }
    if (audio.length == 0) {
      throw ApiException.invalid(
          "The audio file is empty. Please upload an audio file with speech.",
          "file",
          "invalid_value");
    }
    Optional<String> language =
        translation ? Optional.empty() : Fields.string(fields, "language", "language");
    if (translation && fields.has("language")) {
      throw ApiException.invalid("Unrecognized request argument supplied: language", null, null);
    }
    String prompt = Fields.string(fields, "prompt", "prompt").orElse("");
    String format = ImageRequestParser.oneOf(fields, "response_format", FORMATS).orElse("json");
    double temperature = 0;
    Optional<String> t = Fields.string(fields, "temperature", "temperature");
    if (t.isPresent()) {
      try {
        temperature = Double.parseDouble(t.get());
      } catch (NumberFormatException e) {
        throw ApiException.invalid(
            "Invalid type for 'temperature': expected a decimal, but got a string instead.",
            "temperature",
            "invalid_type");
      }
      if (!(temperature >= 0 && temperature <= 1)) {
        throw ApiException.invalid(
            "Invalid 'temperature': decimal outside range. Expected a value between 0 and 1, but"
                + " got "
                + t.get()
                + " instead.",
            "temperature",
            "invalid_value");
      }
    }
    List<String> granularities = new ArrayList<>();
    for (String name : List.of("timestamp_granularities", "timestamp_granularities[]")) {
      JsonNode node = fields.get(name);
      if (node == null) {
        continue;
      }
      for (JsonNode g : node.isArray() ? node : List.of(node)) {
        if (!GRANULARITIES.contains(g.asText())) {
          throw Fields.invalidValue("timestamp_granularities", g.asText(), GRANULARITIES);
        }
        granularities.add(g.asText());
      }
    }
    if (!granularities.isEmpty() && !format.equals("verbose_json")) {
      throw ApiException.invalid(
          "timestamp_granularities is only supported with response_format 'verbose_json'.",
          "timestamp_granularities",
          "invalid_value");
    }
    return new TranscriptionRequest(
        fields,
        translation,
        filename.get(),
        audio,
        language,
        prompt,
        format,
        temperature,
        granularities);
  }
}
