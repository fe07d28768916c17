package dev.lazurite.backend.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.catalog.Encoding;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Prose is encoded only as far as the answer can reach; the answer is the whole text's. */
class GeneratorTest {
  final TokenCounter tokens = new TokenCounter();
  final Generator generator = new Generator(tokens, SimulatorConfig.DEFAULT);

  @Test
  void answersAsIfTheWholeProseWereEncoded() {
    for (Encoding encoding : Encoding.values()) {
      for (int seed = 0; seed < 40; seed++) {
        for (int limit : new int[] {1, 2, 7, 16, 30, 59, 200}) {
          for (List<String> stop : List.of(List.<String>of(), List.of("the"), List.of(". "))) {
            Generation cut = generator.text(new Random(seed), encoding, limit, stop);
            Generation whole = whole(new Random(seed), encoding, limit, stop);
            assertThat(cut).as("seed %d limit %d stop %s", seed, limit, stop).isEqualTo(whole);
          }
        }
      }
    }
  }

  @Test
  void cutsBeforeTheSpaceThatStartsAWord() {
    assertThat(Generator.firstWords("One two. Three four", 2)).isEqualTo("One two.");
    assertThat(Generator.firstWords("One two. Three four", 3)).isEqualTo("One two. Three");
    assertThat(Generator.firstWords("One two", 5)).isEqualTo("One two");
    assertThat(Generator.firstWords("a  b c", 1)).isEqualTo("a  b");
  }

  /** The answer from encoding all of the prose, as the simulator once did. */
  Generation whole(Random random, Encoding encoding, int limit, List<String> stop) {
    SimulatorConfig config = SimulatorConfig.DEFAULT;
    int target = config.minTokens() + random.nextInt(config.maxTokens() - config.minTokens() + 1);
    String text = Words.prose(random, target);
    String finish = "stop";
    List<Integer> ids = tokens.encode(encoding, text);
    if (ids.size() > target) {
      ids = ids.subList(0, target);
    }
    if (ids.size() > limit) {
      ids = ids.subList(0, limit);
      finish = "length";
    }
    String shaped = tokens.decode(encoding, ids);
    int cut = -1;
    for (String s : stop) {
      int at = shaped.indexOf(s);
      if (at >= 0 && (cut < 0 || at < cut)) {
        cut = at;
      }
    }
    if (cut >= 0) {
      shaped = shaped.substring(0, cut);
      ids = tokens.encode(encoding, shaped);
      finish = "stop";
    }
    List<String> pieces = new ArrayList<>();
    for (Integer id : ids) {
      pieces.add(tokens.decode(encoding, List.of(id)));
    }
    return new Generation(pieces, List.of(), finish, ids.size());
  }
}
