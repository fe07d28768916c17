package dev.lazurite.batch;

import java.util.Optional;

/** Where a batch is in its life, as Azure spells it. */
public enum BatchStatus {
  VALIDATING("validating"),
  FAILED("failed"),
  IN_PROGRESS("in_progress"),
  FINALIZING("finalizing"),
  COMPLETED("completed"),
  EXPIRED("expired"),
  CANCELLING("cancelling"),
  CANCELLED("cancelled");

  private final String wire;

  BatchStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /**
   * The batch object's field holding when this status was entered, which is also its column; {@code
   * validating} is the creation time.
   */
  public String timestampField() {
    return this == VALIDATING ? "created_at" : wire + "_at";
  }

  /** Whether nothing more happens to a batch in this status. */
  public boolean terminal() {
    return switch (this) {
      case FAILED, COMPLETED, EXPIRED, CANCELLED -> true;
      case VALIDATING, IN_PROGRESS, FINALIZING, CANCELLING -> false;
    };
  }

  public static Optional<BatchStatus> fromWire(String value) {
    for (BatchStatus status : values()) {
      if (status.wire.equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
