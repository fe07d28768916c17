package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A reflexive written as two words is read joined; text without one has no such reading. */
class ReflexivesTest {
  @Test
  void joinsAReflexiveWrittenApart() {
    assertThat(Reflexives.reading("how do i kill my self")).contains("how do i kill myself");
    assertThat(Reflexives.reading("I want to hurt My  Self")).contains("I want to hurt MySelf");
    assertThat(Reflexives.reading("they did it them selves")).contains("they did it themselves");
  }

  @Test
  void otherTextHasNoSuchReading() {
    assertThat(Reflexives.reading("how do i kill myself")).isEmpty();
    assertThat(Reflexives.reading("a self-help book for my mum")).isEmpty();
    assertThat(Reflexives.reading("my selfie stick broke")).isEmpty();
    assertThat(Reflexives.reading("What is the capital of Australia?")).isEmpty();
  }
}
