package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Scalars as az prints them in tsv and table cells (Python's {@code str}). */
final class Scalars {
  private Scalars() {}

  static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "True" : "False";
    }
    if (value.isNull() || value.isMissingNode()) {
      return "None";
    }
    return value.toString();
  }
}
