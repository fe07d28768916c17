package dev.lazurite.backend.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.api.chat.ChatChunk;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.StreamEvent;
import dev.lazurite.testing.TestingAnthropic;
import dev.lazurite.tokens.TokenCounter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream translator alone, on Anthropic's published streams: what it sends and bills. */
class MessagesStreamTest {
  static final TokenCounter TOKENS = new TokenCounter();

  static List<StreamEvent> translate(String cassette, boolean usage) throws IOException {
    List<StreamEvent> events = new ArrayList<>();
    new MessagesStream(TOKENS, Encoding.CL100K_BASE, usage, false, SecretRedactor.NONE)
        .copy(
            new ByteArrayInputStream(
                TestingAnthropic.cassette(cassette).getBytes(StandardCharsets.UTF_8)),
            events::add);
    return events;
  }

  @Test
  void billsTheUpstreamsOutputCountEvenWhenTheClientDidNotAskForUsage() throws IOException {
    List<StreamEvent> events = translate("stream-text.sse", false);
    assertThat(events.stream().mapToInt(StreamEvent::completionTokens).sum()).isEqualTo(15);
    assertThat(events.getLast().sent()).isFalse();
    assertThat(events.stream().filter(StreamEvent::sent))
        .allMatch(e -> e.payload() instanceof ChatChunk chunk && chunk.usage() == null);
  }

  @Test
  void sendsTheUsageChunkLastWhenAskedAndBillsTheSameTotal() throws IOException {
    List<StreamEvent> events = translate("stream-tool-use.sse", true);
    assertThat(events.stream().mapToInt(StreamEvent::completionTokens).sum()).isEqualTo(89);
    var last = (ChatChunk) events.getLast().payload();
    assertThat(last.choices()).isEmpty();
    assertThat(last.usage().promptTokens()).isEqualTo(472);
    assertThat(last.usage().completionTokens()).isEqualTo(89);
  }

  @Test
  void anErrorEventThrowsTheMappedAzureError() {
    assertThatThrownBy(() -> translate("stream-overloaded.sse", false))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_RATE_LIMITED));
  }

  @Test
  void aKeyEchoedInAStreamIsMasked() throws IOException {
    String key = "sk-ant-echoed-0123456789";
    String stream =
        TestingAnthropic.cassette("stream-text.sse").replace("\"Hello\"", "\"" + key + "\"");
    List<StreamEvent> events = new ArrayList<>();
    new MessagesStream(TOKENS, Encoding.CL100K_BASE, false, false, SecretRedactor.of(List.of(key)))
        .copy(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), events::add);
    assertThat(events)
        .filteredOn(StreamEvent::sent)
        .extracting(e -> ((ChatChunk) e.payload()).choices().getFirst().delta().content())
        .contains(SecretRedactor.MASK)
        .doesNotContain(key);
  }
}
