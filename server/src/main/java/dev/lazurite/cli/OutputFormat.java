package dev.lazurite.cli;

import java.util.Locale;
import java.util.Optional;

/** az's {@code --output} formats. */
enum OutputFormat {
  JSON,
  JSONC,
  TSV,
  TABLE,
  NONE;

  static final String CHOICES = "'json', 'jsonc', 'none', 'table', 'tsv'";

  static Optional<OutputFormat> parse(String name) {
    for (OutputFormat format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
