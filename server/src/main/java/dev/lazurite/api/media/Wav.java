package dev.lazurite.api.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A RIFF WAVE file of linear PCM: its format and where its samples are. Reading never throws: a
 * file that is not such a WAV reads as empty.
 *
 * @param dataOffset where the {@code data} chunk's samples start
 * @param dataLength the samples' length in bytes (clipped to the file)
 */
public record Wav(int sampleRate, int channels, int bitsPerSample, int dataOffset, int dataLength) {
  /** The header length of the files {@link #write} makes. */
  public static final int HEADER = 44;

  public double seconds() {
    int frame = Math.max(1, channels * bitsPerSample / 8);
    return sampleRate == 0 ? 0 : (double) dataLength / frame / sampleRate;
  }

  /** The 16-bit sample {@code index} of the first channel. */
  public short sample(byte[] file, int index) {
    int at = dataOffset + index * channels * 2;
    return (short) ((file[at] & 0xff) | (file[at + 1] << 8));
  }

  public int samples() {
    return dataLength / Math.max(1, channels * bitsPerSample / 8);
  }

  public static Optional<Wav> read(byte[] file) {
    if (file.length < HEADER || !ascii(file, 0, "RIFF") || !ascii(file, 8, "WAVE")) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int at = 12;
    int rate = 0;
    int channels = 0;
    int bits = 0;
    while (at + 8 <= file.length) {
      int size = b.getInt(at + 4);
      if (size < 0) {
        return Optional.empty();
      }
      if (ascii(file, at, "fmt ") && at + 24 <= file.length) {
        if (b.getShort(at + 8) != 1) {
          return Optional.empty();
        }
        channels = b.getShort(at + 10);
        rate = b.getInt(at + 12);
        bits = b.getShort(at + 22);
      } else if (ascii(file, at, "data")) {
        if (rate <= 0 || channels <= 0 || bits != 16) {
          return Optional.empty();
        }
        int length = (int) Math.min(size, (long) file.length - at - 8);
        return Optional.of(new Wav(rate, channels, bits, at + 8, length));
      }
      at += 8 + size + (size & 1);
    }
    return Optional.empty();
  }

  /** A mono 16-bit PCM WAV file of these samples. */
  public static byte[] write(int sampleRate, short[] samples) {
    int data = samples.length * 2;
    ByteBuffer b = ByteBuffer.allocate(HEADER + data).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data);
    b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2);
    b.putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
    for (short s : samples) {
      b.putShort(s);
    }
    return b.array();
  }

  private static boolean ascii(byte[] file, int at, String tag) {
    for (int i = 0; i < 4; i++) {
      if (file[at + i] != tag.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
