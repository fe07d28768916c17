package dev.lazurite.api.media;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST …/audio/transcriptions} and {@code …/audio/translations}: an uploaded audio file to
 * write down, in its language or (translation) in English.
 *
 * @param raw the form's text fields
 * @param format {@code json|text|srt|verbose_json|vtt}
 * @param granularities {@code word} and/or {@code segment}, for {@code verbose_json}
 */
public record TranscriptionRequest(
    ObjectNode raw,
    boolean translation,
    String filename,
    byte[] audio,
    Optional<String> language,
    String prompt,
    String format,
    double temperature,
    List<String> granularities)
    implements MediaRequest {
  public TranscriptionRequest {
    requireNonNull(raw, "raw is null");
    requireNonNull(filename, "filename is null");
    requireNonNull(audio, "audio is null");
    requireNonNull(language, "language is null");
    requireNonNull(prompt, "prompt is null");
    requireNonNull(format, "format is null");
    granularities = List.copyOf(granularities);
  }

  /** The audio's length in seconds, as billed: from a WAV header, else estimated from its size. */
  public double seconds() {
    return Wav.read(audio)
        .map(Wav::seconds)
        // Compressed audio at 128 kbit/s, the common rate for speech files.
        .orElse(audio.length / 16_000.0);
  }
}
