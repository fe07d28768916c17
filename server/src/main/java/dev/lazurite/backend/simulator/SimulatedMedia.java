package dev.lazurite.backend.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.media.ImageRequest;
import dev.lazurite.api.media.MediaRequest;
import dev.lazurite.api.media.SpeechRequest;
import dev.lazurite.api.media.TranscriptionRequest;
import dev.lazurite.api.media.Transcripts;
import dev.lazurite.api.media.Wav;
import dev.lazurite.backend.MediaBackend;
import dev.lazurite.catalog.ModelSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Random;

/**
 * The simulator's images and audio, deterministic from the request: a PNG (or the JPEG asked for)
 * of the requested size drawn from the prompt (an edit: the uploaded image tinted by the prompt
 * where the mask allows, {@link SimulatedEdits}), speech as a WAV whose samples spell the text
 * ({@link SpokenText}), and a transcript that gives back the words of such a WAV (any other audio
 * gets words drawn from its bytes).
 */
final class SimulatedMedia implements MediaBackend {
  private final Clock clock;

  SimulatedMedia(Clock clock) {
    this.clock = clock;
  }

  @Override
  public MediaAnswer media(MediaRequest request, ModelSpec model) {
    return switch (request) {
      case ImageRequest image -> new JsonAnswer(images(image));
      case SpeechRequest speech -> speech(speech);
      case TranscriptionRequest transcription -> transcript(transcription);
    };
  }

  private ObjectNode images(ImageRequest request) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("created", clock.instant().getEpochSecond());
    ArrayNode data = body.putArray("data");
    for (int i = 0; i < request.n(); i++) {
      byte[] file =
          request.edit()
              ? SimulatedEdits.edit(
                  request.images().getFirst(),
                  request.mask(),
                  request.prompt(),
                  i,
                  request.width(),
                  request.height(),
                  request.format(),
                  request.compression())
              : SimulatedImages.draw(
                  request.prompt(),
                  i,
                  request.width(),
                  request.height(),
                  request.format(),
                  request.compression());
      String b64 = Base64.getEncoder().encodeToString(file);
      ObjectNode item = data.addObject();
      if (request.base64()) {
        item.put("b64_json", b64);
      } else {
        item.put("url", "data:" + request.format().mediaType() + ";base64," + b64);
      }
      if (!request.style().isEmpty() && !request.edit()) {
        // DALL-E 3 rewrites prompts; the simulator's rewrite is the prompt itself with its style.
        item.put("revised_prompt", request.prompt() + " (" + request.style() + ")");
      }
    }
    return body;
  }

  private static MediaAnswer speech(SpeechRequest request) {
    byte[] wav = SpokenText.wav(request.input());
    if (request.format().equals("pcm")) {
      byte[] pcm = new byte[wav.length - Wav.HEADER];
      System.arraycopy(wav, Wav.HEADER, pcm, 0, pcm.length);
      return new RawAnswer("audio/pcm", pcm);
    }
    // Compressed formats are not encoded: every format but pcm is answered as WAV.
    return new RawAnswer("audio/wav", wav);
  }

  private static MediaAnswer transcript(TranscriptionRequest request) {
    double seconds = request.seconds();
    String text =
        SpokenText.read(request.audio()).orElseGet(() -> invented(request.audio(), seconds));
    String language = request.translation() ? "english" : request.language().orElse("english");
    if (Transcripts.isJson(request.format())) {
      return new JsonAnswer(Transcripts.json(request, text, language, seconds));
    }
    return new RawAnswer(
        "text/plain; charset=utf-8",
        Transcripts.text(request.format(), text, seconds).getBytes(StandardCharsets.UTF_8));
  }

  /** About two words a second, drawn from the audio's bytes. */
  private static String invented(byte[] audio, double seconds) {
    Random random = new Random(java.util.Arrays.hashCode(audio));
    int words = (int) Math.max(1, Math.min(200, Math.round(seconds * 2)));
    String prose = Words.prose(random, words);
    return prose;
  }
}
