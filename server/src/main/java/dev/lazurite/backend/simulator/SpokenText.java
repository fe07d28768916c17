package dev.lazurite.backend.simulator;

import dev.lazurite.api.media.Wav;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Speech as the simulator makes it: 24 kHz mono 16-bit PCM in which each byte of the text's UTF-8
 * is 20 ms of a 3 kHz square wave whose amplitude spells the byte, after a marker that says the
 * file was made here. Reading such a file gives the text back exactly.
 */
final class SpokenText {
  static final int SAMPLE_RATE = 24_000;

  /** Samples per byte: 20 ms. */
  static final int BLOCK = 480;

  private static final byte[] MARKER = "LZS1".getBytes(StandardCharsets.US_ASCII);
  private static final int STEP = 100;

  private SpokenText() {}

  static byte[] wav(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    short[] samples = new short[(MARKER.length + utf8.length) * BLOCK];
    int block = 0;
    for (byte b : MARKER) {
      fill(samples, block++, b);
    }
    for (byte b : utf8) {
      fill(samples, block++, b);
    }
    return Wav.write(SAMPLE_RATE, samples);
  }

  /** The text of a file this class made; empty for any other audio. */
  static Optional<String> read(byte[] file) {
    Optional<Wav> wav = Wav.read(file);
    if (wav.isEmpty() || wav.get().sampleRate() != SAMPLE_RATE || wav.get().channels() != 1) {
      return Optional.empty();
    }
    int blocks = wav.get().samples() / BLOCK;
    if (blocks < MARKER.length) {
      return Optional.empty();
    }
    byte[] bytes = new byte[blocks];
    for (int i = 0; i < blocks; i++) {
      int value = Math.abs(wav.get().sample(file, i * BLOCK)) / STEP - 1;
      if (value < 0 || value > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) value;
    }
    for (int i = 0; i < MARKER.length; i++) {
      if (bytes[i] != MARKER[i]) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new String(bytes, MARKER.length, blocks - MARKER.length, StandardCharsets.UTF_8));
  }

  private static void fill(short[] samples, int block, byte b) {
    int amplitude = ((b & 0xff) + 1) * STEP;
    for (int i = 0; i < BLOCK; i++) {
      // Four samples up, four down: a 3 kHz square wave at 24 kHz.
      samples[block * BLOCK + i] = (short) ((i / 4) % 2 == 0 ? amplitude : -amplitude);
    }
  }
}
