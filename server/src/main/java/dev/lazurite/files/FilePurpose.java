package dev.lazurite.files;

import java.util.Optional;

/**
 * What a file is for, as Azure spells it. The first four are accepted on upload; the {@code
 * …output} and {@code …results} purposes are given only to files the service writes (batch output
 * and error files).
 */
public enum FilePurpose {
  ASSISTANTS("assistants", true),
  BATCH("batch", true),
  FINE_TUNE("fine-tune", true),
  EVALS("evals", true),
  ASSISTANTS_OUTPUT("assistants_output", false),
  BATCH_OUTPUT("batch_output", false),
  FINE_TUNE_RESULTS("fine-tune-results", false),
  EVALS_OUTPUT("evals_output", false);

  private final String wire;
  private final boolean uploadable;

  FilePurpose(String wire, boolean uploadable) {
    this.wire = wire;
    this.uploadable = uploadable;
  }

  /** The name on the wire. */
  public String wire() {
    return wire;
  }

  /** Whether a client may upload a file with this purpose. */
  public boolean uploadable() {
    return uploadable;
  }

  public static Optional<FilePurpose> fromWire(String value) {
    for (FilePurpose purpose : values()) {
      if (purpose.wire.equals(value)) {
        return Optional.of(purpose);
      }
    }
    return Optional.empty();
  }
}
