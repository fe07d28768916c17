package dev.lazurite.backend.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.api.media.Wav;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The simulator's speech is a valid WAV that reads back to its text, and nothing else does. */
class SpokenTextTest {
  @Test
  void speechReadsBackToItsTextWithItsDurationInTheHeader() {
    String text = "Grüße aus Lazurite — 42 words, more or less.";
    byte[] wav = SpokenText.wav(text);
    Wav header = Wav.read(wav).orElseThrow();
    assertThat(header.sampleRate()).isEqualTo(24_000);
    assertThat(header.channels()).isEqualTo(1);
    int bytes = text.getBytes(StandardCharsets.UTF_8).length + 4;
    assertThat(header.seconds()).isEqualTo(bytes * 0.02, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(SpokenText.read(wav)).hasValue(text);
  }

  @Test
  void otherAudioIsNotMistakenForSpeech() {
    assertThat(SpokenText.read(Wav.write(24_000, new short[48_000]))).isEmpty();
    assertThat(SpokenText.read(Wav.write(16_000, new short[100]))).isEmpty();
    assertThat(SpokenText.read("RIFF....WAVEnot a real file at all, really".getBytes())).isEmpty();
    assertThat(Wav.read(new byte[10])).isEmpty();
  }
}
