package dev.lazurite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestingAzuriteTest {
  @Test
  void ciInstallsTheAzuriteTheTestsPin() throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    Path ci = dir.resolve(".ci/run");
    if (!Files.exists(ci)) {
      ci = dir.getParent().resolve(".ci/run");
    }
    assertThat(Files.readString(ci)).contains("AZURITE_VERSION=" + TestingAzurite.VERSION + "\n");
  }
}
