package dev.lazurite.api.responses;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Ids of responses and their items, in OpenAI's forms ({@code resp_…}, {@code msg_…}). */
final class ResponseIds {
  private ResponseIds() {}

  static String response() {
    return "resp_" + random();
  }

  static String message() {
    return "msg_" + random();
  }

  static String functionCall() {
    return "fc_" + random();
  }

  static String fileSearchCall() {
    return "fs_" + random();
  }

  static String functionCallOutput() {
    return "fco_" + random();
  }

  private static String random() {
    byte[] bytes = new byte[24];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
