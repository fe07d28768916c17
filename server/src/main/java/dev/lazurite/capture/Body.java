package dev.lazurite.capture;

import java.nio.charset.StandardCharsets;

/**
 * A captured body: redacted, then cut to the cap without splitting a character.
 *
 * @param length the body's size in bytes as it was sent, before redaction and any cut
 */
record Body(String text, boolean truncated, long length) {
  /** Redacts {@code raw} and cuts it to {@code maxBytes} UTF-8 bytes. */
  static Body of(String raw, long length, boolean alreadyCut, Redactor redactor, int maxBytes) {
    String clean = redactor.apply(raw);
    byte[] bytes = clean.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return new Body(clean, alreadyCut, length);
    }
    int end = maxBytes;
    // Back off to the start of a character: continuation bytes are 10xxxxxx.
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new Body(new String(bytes, 0, end, StandardCharsets.UTF_8), true, length);
  }
}
