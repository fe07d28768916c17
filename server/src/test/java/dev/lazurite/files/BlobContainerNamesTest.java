package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlobContainerNamesTest {
  private static final String VALID = "^[a-z0-9](?:[a-z0-9]|-(?!-)){2,62}$";

  @Test
  void aLowercaseNameIsKeptAsItIs() {
    assertThat(BlobContainerNames.of("contoso-openai")).isEqualTo("lazurite-contoso-openai");
  }

  @Test
  void aNameThatHadToChangeCarriesAHashSoTwoResourcesStayApart() {
    String upper = BlobContainerNames.of("Contoso");
    String lower = BlobContainerNames.of("contoso");
    String underscore = BlobContainerNames.of("a_b");
    String hyphen = BlobContainerNames.of("a-b");
    assertThat(upper).startsWith("lazurite-contoso-").isNotEqualTo(lower);
    assertThat(underscore).startsWith("lazurite-a-b-").isNotEqualTo(hyphen);
  }

  @Test
  void everySafeNameGivesAValidContainerName() {
    for (String name :
        List.of("a", "A", "_", "-", "--x--", "a__b", "x".repeat(128), "Y_".repeat(64), "0")) {
      assertThat(BlobContainerNames.of(name)).as(name).matches(VALID);
    }
    assertThat(BlobContainerNames.of("x".repeat(128)))
        .isNotEqualTo(BlobContainerNames.of("x".repeat(127)));
  }

  @Test
  void refusesAnUnsafeName() {
    assertThatThrownBy(() -> BlobContainerNames.of("../x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
