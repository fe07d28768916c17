package dev.lazurite.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
  @Test
  void masksEverySecretAsSentAndAsEscapedInJson() {
    var redactor = SecretRedactor.of(List.of("sk-abc\"def/123", "token-0123456789"));
    assertThat(redactor.redact("key sk-abc\"def/123 and token-0123456789, twice: token-0123456789"))
        .isEqualTo("key [REDACTED] and [REDACTED], twice: [REDACTED]");
    assertThat(redactor.redact("{\"message\":\"bad key sk-abc\\\"def/123\"}"))
        .isEqualTo("{\"message\":\"bad key [REDACTED]\"}");
  }

  @Test
  void masksTheLongerOfTwoSecretsWhole() {
    var redactor = SecretRedactor.of(List.of("abcdefgh", "abcdefgh-longer"));
    assertThat(redactor.redact("x abcdefgh-longer y abcdefgh"))
        .isEqualTo("x [REDACTED] y [REDACTED]");
  }

  @Test
  void returnsTheSameBytesWhenNoSecretIsThere() {
    var redactor = SecretRedactor.of(List.of("0123456789abcdef"));
    byte[] clean = "{\"choices\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThat(redactor.redact(clean)).isSameAs(clean);
    byte[] dirty = "{\"error\":\"0123456789abcdef\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(redactor.redact(dirty), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"[REDACTED]\"}");
  }

  @Test
  void ignoresEmptyAndShortValues() {
    var redactor = SecretRedactor.of(Arrays.asList("", null, "ollama"));
    assertThat(redactor.redact("ollama says hi")).isEqualTo("ollama says hi");
  }
}
