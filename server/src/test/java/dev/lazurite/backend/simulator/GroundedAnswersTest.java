package dev.lazurite.backend.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroundedAnswersTest {
  @Test
  void sentencesKeepDecimalsTimesAndAbbreviationsWhole() {
    String doc =
        "The college pays 21.7 % of salary. Members may opt out, e.g. by writing to payroll, at"
            + " any time.\nCore hours are 10:00 to 15:00.\n- A grant of 150 pounds covers a chair.\n"
            + "2. Lecturers teach on campus";
    assertThat(GroundedAnswers.sentences(doc))
        .containsExactly(
            "The college pays 21.7 % of salary.",
            "Members may opt out, e.g. by writing to payroll, at any time.",
            "Core hours are 10:00 to 15:00.",
            "A grant of 150 pounds covers a chair.",
            "Lecturers teach on campus");
  }

  @Test
  void everySentenceIsAVerbatimPartOfItsDocument() {
    String doc = "Flights delayed by more than 4.5 hours are paid.  Claims go in within 30 days!";
    assertThat(GroundedAnswers.sentences(doc)).allSatisfy(s -> assertThat(doc).contains(s));
  }
}
