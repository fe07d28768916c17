package dev.lazurite.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in redaction rules, the operator's patterns, the cap and the policy's limits. */
class RedactorTest {
  final Redactor redactor = new Redactor(List.of("Project-[0-9]+"));

  @Test
  void masksKeysTokensEmailsAndCards() {
    String text =
        "key 0123456789abcdef0123456789ABCDEF, sk-live_abcdefghijklmnop1234,"
            + " Authorization: Bearer abc.def.ghi-jkl, mail jane.doe@example.com,"
            + " card 4111 1111 1111 1111 or 5500-0000-0000-0004, {\"api-key\":\"hunter2\"}";
    String out = redactor.apply(text);
    assertThat(out)
        .doesNotContain("0123456789abcdef")
        .doesNotContain("sk-live")
        .doesNotContain("abc.def.ghi")
        .doesNotContain("jane.doe")
        .doesNotContain("4111")
        .doesNotContain("5500")
        .doesNotContain("hunter2")
        .contains("\"api-key\":\"" + Redactor.MASK)
        .contains(Redactor.MASK);
  }

  @Test
  void masksTheOperatorsPatternsAndLeavesOrdinaryTextAlone() {
    assertThat(redactor.apply("Tell me about Project-42 and the weather in Paris in 2026."))
        .isEqualTo("Tell me about " + Redactor.MASK + " and the weather in Paris in 2026.");
  }

  @Test
  void cutsAtTheCapWithoutSplittingACharacter() {
    Body body = Body.of("ééééé", 10, false, new Redactor(List.of()), 5);
    assertThat(body.text()).isEqualTo("éé");
    assertThat(body.truncated()).isTrue();
    assertThat(body.length()).isEqualTo(10);
    assertThat(Body.of("short", 5, false, new Redactor(List.of()), 5).truncated()).isFalse();
  }

  @Test
  void refusesPoliciesOutsideTheirLimits() {
    assertThatThrownBy(() -> new CapturePolicy(true, 0, 30, List.of()))
        .hasMessageContaining("maxBytes must be 1..1048576");
    assertThatThrownBy(
            () -> new CapturePolicy(true, CapturePolicy.MAX_MAX_BYTES + 1, 30, List.of()))
        .hasMessageContaining("maxBytes");
    assertThatThrownBy(() -> new CapturePolicy(true, 10, 0, List.of()))
        .hasMessageContaining("retentionDays must be 1..3650");
    assertThatThrownBy(() -> new CapturePolicy(true, 10, 30, Collections.nCopies(33, "a")))
        .hasMessageContaining("at most 32");
    assertThatThrownBy(() -> new CapturePolicy(true, 10, 30, List.of("(")))
        .hasMessageContaining("not a valid regular expression");
    assertThatThrownBy(() -> new CapturePolicy(true, 10, 30, List.of("a".repeat(513))))
        .hasMessageContaining("1..512");
  }
}
