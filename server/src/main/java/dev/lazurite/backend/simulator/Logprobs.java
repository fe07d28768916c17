package dev.lazurite.backend.simulator;

import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.api.completions.TextCompletion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Plausible log probabilities for simulated tokens: the chosen token is always the likeliest. */
final class Logprobs {
  private Logprobs() {}

  static ChatCompletion.Logprobs chat(Generation g, int top, Random random) {
    List<ChatCompletion.TokenLogprob> content = new ArrayList<>();
    for (String piece : g.pieces()) {
      double chosen = -random.nextDouble() * 0.5;
      List<ChatCompletion.TokenLogprob> alternatives = new ArrayList<>();
      for (int i = 0; i < top; i++) {
        String token = i == 0 ? piece : " " + Words.word(random);
        double logprob = i == 0 ? chosen : chosen - 1 - random.nextDouble() * 4 - i;
        alternatives.add(new ChatCompletion.TokenLogprob(token, logprob, bytes(token), null));
      }
      content.add(new ChatCompletion.TokenLogprob(piece, chosen, bytes(piece), alternatives));
    }
    return new ChatCompletion.Logprobs(content, null);
  }

  static TextCompletion.Logprobs text(Generation g, int top, Random random) {
    List<Double> logprobs = new ArrayList<>();
    List<Map<String, Double>> tops = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    int offset = 0;
    for (String piece : g.pieces()) {
      double chosen = -random.nextDouble() * 0.5;
      logprobs.add(chosen);
      Map<String, Double> alternatives = new LinkedHashMap<>();
      alternatives.put(piece, chosen);
      for (int i = 1; i < top; i++) {
        alternatives.putIfAbsent(
            " " + Words.word(random), chosen - 1 - random.nextDouble() * 4 - i);
      }
      tops.add(alternatives);
      offsets.add(offset);
      offset += piece.length();
    }
    return new TextCompletion.Logprobs(g.pieces(), logprobs, tops, offsets);
  }

  private static List<Integer> bytes(String token) {
    List<Integer> bytes = new ArrayList<>();
    for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b & 0xff);
    }
    return bytes;
  }
}
