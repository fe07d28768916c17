package dev.lazurite.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequestParser;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.json.Json;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
  final TokenCounter tokens = new TokenCounter();

  @Test
  void countsWithTheModelFamilysEncoding() {
    assertThat(tokens.count(Encoding.CL100K_BASE, "Hello, world! Rate limiting is fun."))
        .isEqualTo(9);
    assertThat(tokens.count(Encoding.O200K_BASE, "Hello, world! Rate limiting is fun."))
        .isEqualTo(9);
    // The encodings differ on other text: o200k merges more.
    assertThat(tokens.count(Encoding.O200K_BASE, "こんにちは世界、お元気ですか"))
        .isLessThan(tokens.count(Encoding.CL100K_BASE, "こんにちは世界、お元気ですか"));
  }

  @Test
  void treatsSpecialTokenTextAsOrdinaryText() {
    assertThat(tokens.count(Encoding.CL100K_BASE, "<|endoftext|>")).isGreaterThan(1);
  }

  @Test
  void decodesWhatItEncodes() {
    var ids = tokens.encode(Encoding.O200K_BASE, "Round trip, exactly.");
    assertThat(tokens.decode(Encoding.O200K_BASE, ids)).isEqualTo("Round trip, exactly.");
  }

  @Test
  void countsChatPromptsWithThePerMessageOverhead() {
    // The OpenAI cookbook's example conversation: 129 prompt tokens for cl100k_base chat models.
    String json =
        """
        {"messages":[
          {"role":"system","content":"You are a helpful, pattern-following assistant that translates corporate jargon into plain English."},
          {"role":"system","name":"example_user","content":"New synergies will help drive top-line growth."},
          {"role":"system","name":"example_assistant","content":"Things working well together will increase revenue."},
          {"role":"system","name":"example_user","content":"Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."},
          {"role":"system","name":"example_assistant","content":"Let's talk later when we're less busy about how to do better."},
          {"role":"user","content":"This late pivot means we don't have time to boil the ocean for the client deliverable."}]}
        """;
    var request =
        ChatRequestParser.parse((ObjectNode) Json.read(json, ObjectNode.class), "2024-10-21");
    assertThat(tokens.chatPrompt(Encoding.CL100K_BASE, request)).isEqualTo(129);
  }

  @Test
  void countsASingleMessageAsItsTextPlusSevenTokens() {
    var request =
        ChatRequestParser.parse(
            (ObjectNode)
                Json.read(
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}", ObjectNode.class),
            "2024-10-21");
    assertThat(tokens.chatPrompt(Encoding.O200K_BASE, request)).isEqualTo(8);
  }

  @Test
  void countsARepeatedTextAsTheFirstTime() {
    String text = "You are a helpful assistant. " + "x".repeat(100);
    int first = tokens.count(Encoding.O200K_BASE, text);
    assertThat(tokens.count(Encoding.O200K_BASE, new String(text))).isEqualTo(first);
    assertThat(tokens.count(Encoding.CL100K_BASE, text))
        .isEqualTo(new TokenCounter().count(Encoding.CL100K_BASE, text));
    String long_ = "word ".repeat(TokenCounter.COUNTED_TEXT);
    assertThat(tokens.count(Encoding.O200K_BASE, long_))
        .isEqualTo(tokens.count(Encoding.O200K_BASE, long_))
        .isGreaterThan(TokenCounter.COUNTED_TEXT / 2);
  }

  @Test
  void idsAndPiecesDecodeAsTheListForms() {
    String text = "Ça va? 日本語 and emoji 🙂 too.";
    for (Encoding encoding : Encoding.values()) {
      int[] ids = tokens.encodeIds(encoding, text);
      assertThat(ids)
          .containsExactly(tokens.encode(encoding, text).stream().mapToInt(i -> i).toArray());
      assertThat(tokens.decode(encoding, ids, ids.length)).isEqualTo(text);
      assertThat(tokens.decode(encoding, ids, 3))
          .isEqualTo(tokens.decode(encoding, tokens.encode(encoding, text).subList(0, 3)));
      for (int id : ids) {
        assertThat(tokens.piece(encoding, id))
            .isEqualTo(tokens.decode(encoding, java.util.List.of(id)));
        assertThat(tokens.piece(encoding, id)).isSameAs(tokens.piece(encoding, id));
      }
    }
  }
}
