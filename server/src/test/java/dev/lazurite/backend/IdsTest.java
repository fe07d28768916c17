package dev.lazurite.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void requestIdIsAVersionFourUuid() {
    UUID id = UUID.fromString(Ids.requestId());

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void requestIdsDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(Ids.requestId());
    }

    assertThat(ids).hasSize(100_000);
  }
}
