package dev.lazurite.bench;

import java.util.HexFormat;
import java.util.Random;

/** What the audit store runs write in each row: a data-plane record's properties and its hashes. */
final class AuditRowData {
  /** A data-plane record's canonical properties, as long as the writer's. */
  static final String PROPERTIES =
      "{\"account\":\"acct-1\",\"cachedPromptTokens\":0,\"completionTokens\":12,"
          + "\"contentFilter\":{\"categories\":[],\"outcome\":\"none\"},\"costUsd\":\"0.00012345\","
          + "\"kind\":\"dataPlane\",\"modelDeploymentName\":\"gpt-4o\",\"modelName\":\"gpt-4o\","
          + "\"networkPath\":{\"path\":\"public\"},\"principal\":{\"keySlot\":\"key1\","
          + "\"type\":\"key\"},\"promptTokens\":20,\"streamType\":\"Non-Streaming\"}";

  private static final String[] HASHES = hashes(4096);

  private AuditRowData() {}

  /** The hash of record {@code seq} (4,096 hex SHA-256-sized values, the same in every run). */
  static String hash(long seq) {
    return HASHES[(int) (seq & (HASHES.length - 1))];
  }

  private static String[] hashes(int n) {
    var random = new Random(1);
    String[] hashes = new String[n];
    for (int i = 0; i < n; i++) {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      hashes[i] = HexFormat.of().formatHex(hash);
    }
    return hashes;
  }
}
