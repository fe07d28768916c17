package dev.lazurite.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.auth.AuthenticationStage;
import dev.lazurite.deployment.DeploymentStage;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Pipeline;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.request.BodyStage;
import dev.lazurite.request.RequestStage;
import dev.lazurite.routing.RoutingStage;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingExchanges;
import dev.lazurite.testing.TestingSnapshots;
import dev.lazurite.testing.TestingTokens;
import dev.lazurite.tokens.TokenCounter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeteringListenerTest {
  final List<UsageRecord> records = new ArrayList<>();
  final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  Pipeline pipeline() {
    return new Pipeline(
        List.of(
            new AuthenticationStage(
                () -> TestingSnapshots.withBackend(new TestingBackend()),
                TestingTokens.create().validator()),
            new BodyStage(),
            new DeploymentStage(),
            new RequestStage(new TokenCounter()),
            new RoutingStage()),
        new MeteringListener(records::add, clock));
  }

  static final Route CHAT = Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-4o", "2024-10-21");

  @Test
  void recordsWhatInnerStagesResolved() {
    pipeline()
        .execute(
            TestingExchanges.of(
                CHAT,
                Map.of("api-key", TestingSnapshots.KEY),
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"));
    UsageRecord record = records.getFirst();
    assertThat(record.time()).isEqualTo(clock.instant());
    assertThat(record.account()).isEqualTo("acct");
    assertThat(record.deployment()).isEqualTo("gpt-4o");
    assertThat(record.caller()).isEqualTo("acct/key1");
    assertThat(record.promptTokens()).isEqualTo(8);
    assertThat(record.completionTokens()).isEqualTo(3);
    assertThat(record.status()).isEqualTo(200);
  }

  @Test
  void recordsFailuresWithTheirStatus() {
    assertThatThrownBy(
        () -> pipeline().execute(TestingExchanges.of(CHAT, Map.of(), "{}")).orThrow());
    assertThat(records.getFirst().status()).isEqualTo(401);
    assertThat(records.getFirst().account()).isEmpty();
  }

  @Test
  void billsAStreamForWhatReachedTheClientBeforeItLeft() {
    var response =
        (Response.Stream)
            pipeline()
                .execute(
                    TestingExchanges.of(
                        CHAT,
                        Map.of("api-key", TestingSnapshots.KEY),
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"stream\":true}"))
                .orThrow();
    assertThat(records).isEmpty();
    int[] delivered = {0};
    assertThatThrownBy(
            () ->
                response
                    .events()
                    .writeTo(
                        event -> {
                          if (delivered[0]++ == 1) {
                            throw new UncheckedIOException(new java.io.IOException("client gone"));
                          }
                        }))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(records.getFirst().status()).isEqualTo(UsageRecord.CLIENT_CLOSED);
    assertThat(records.getFirst().completionTokens()).isEqualTo(2);
    assertThat(records.getFirst().streamed()).isTrue();
  }
}
