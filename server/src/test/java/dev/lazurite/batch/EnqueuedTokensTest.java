package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.pipeline.Operation;
import dev.lazurite.rbac.AuthorizationStage;
import org.junit.jupiter.api.Test;

class EnqueuedTokensTest {
  @Test
  void limitsAreWrittenAsAzuresMessageWritesThem() {
    assertThat(EnqueuedTokens.shortForm(30_000)).isEqualTo("30K");
    assertThat(EnqueuedTokens.shortForm(200_000_000)).isEqualTo("200M");
    assertThat(EnqueuedTokens.shortForm(5_000_000_000L)).isEqualTo("5B");
    assertThat(EnqueuedTokens.shortForm(1_500)).isEqualTo("1500");
  }

  @Test
  void tokensAreEstimatedFromCharacters() {
    assertThat(EnqueuedTokens.estimate(0)).isEqualTo(1);
    assertThat(EnqueuedTokens.estimate(4_000)).isEqualTo(1_000);
    assertThat(EnqueuedTokens.estimate(4_001)).isEqualTo(1_001);
  }

  @Test
  void batchOperationsNeedAzuresDataActions() {
    String openai = "Microsoft.CognitiveServices/accounts/OpenAI/";
    assertThat(AuthorizationStage.dataAction(Operation.BATCHES_CREATE))
        .isEqualTo(openai + "batch-jobs/write");
    assertThat(AuthorizationStage.dataAction(Operation.BATCHES_GET))
        .isEqualTo(openai + "batches/read");
    assertThat(AuthorizationStage.dataAction(Operation.BATCHES_LIST))
        .isEqualTo(openai + "batches/read");
    assertThat(AuthorizationStage.dataAction(Operation.BATCHES_CANCEL))
        .isEqualTo(openai + "batches/cancel/action");
  }
}
