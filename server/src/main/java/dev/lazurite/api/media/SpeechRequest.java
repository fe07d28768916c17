package dev.lazurite.api.media;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST …/audio/speech}: text to read aloud in a voice, as audio of a format.
 *
 * @param format {@code mp3|opus|aac|flac|wav|pcm}
 */
public record SpeechRequest(ObjectNode raw, String input, String voice, String format, double speed)
    implements MediaRequest {
  public SpeechRequest {
    requireNonNull(raw, "raw is null");
    requireNonNull(input, "input is null");
    requireNonNull(voice, "voice is null");
    requireNonNull(format, "format is null");
  }

  /** What Azure bills text to speech by. */
  public int characters() {
    return input.codePointCount(0, input.length());
  }

  /** The media type of the audio in this request's format. */
  public String contentType() {
    return switch (format) {
      case "mp3" -> "audio/mpeg";
      case "opus" -> "audio/opus";
      case "aac" -> "audio/aac";
      case "flac" -> "audio/flac";
      case "wav" -> "audio/wav";
      default -> "audio/pcm";
    };
  }
}
