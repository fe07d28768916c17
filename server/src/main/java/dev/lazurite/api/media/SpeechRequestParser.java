package dev.lazurite.api.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.Fields;
import dev.lazurite.error.ApiException;
import java.util.List;

/** Validates a text-to-speech body: at most 4,096 characters, a known voice and format. */
public final class SpeechRequestParser {
  public static final int MAX_INPUT = 4_096;
  static final List<String> VOICES =
      List.of(
          "alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer",
          "verse");
  static final List<String> FORMATS = List.of("mp3", "opus", "aac", "flac", "wav", "pcm");
  private static final List<String> FIELDS =
      List.of("model", "input", "voice", "response_format", "speed", "instructions");

  private SpeechRequestParser() {}

  public static SpeechRequest parse(ObjectNode body) {
    Fields.rejectUnknown(body, FIELDS);
    String input = Fields.requiredString(body, "input", "input");
    if (input.isEmpty()) {
      throw ApiException.invalid(
          "Invalid 'input': string too short. Expected a string with minimum length 1, but got an"
              + " empty string instead.",
          "input",
          "string_below_min_length");
    }
    if (input.length() > MAX_INPUT) {
      throw ApiException.invalid(
          "Invalid 'input': string too long. Expected a string with maximum length %d, but got a string with length %d instead."
              .formatted(MAX_INPUT, input.length()),
          "input",
          "string_above_max_length");
    }
    String voice = Fields.requiredString(body, "voice", "voice");
    if (!VOICES.contains(voice)) {
      throw Fields.invalidValue("voice", voice, VOICES);
    }
    String format = ImageRequestParser.oneOf(body, "response_format", FORMATS).orElse("mp3");
    double speed = Fields.decimal(body, "speed", "speed", 0.25, 4.0).orElse(1.0);
    Fields.string(body, "instructions", "instructions");
    return new SpeechRequest(body, input, voice, format, speed);
  }
}
