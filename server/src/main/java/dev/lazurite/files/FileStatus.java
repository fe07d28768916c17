package dev.lazurite.files;

/** A file's status, as Azure spells it; uploads for batch and assistants are processed at once. */
public enum FileStatus {
  UPLOADED("uploaded"),
  PENDING("pending"),
  RUNNING("running"),
  PROCESSED("processed"),
  ERROR("error"),
  DELETING("deleting"),
  DELETED("deleted");

  private final String wire;

  FileStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static FileStatus fromWire(String value) {
    for (FileStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown file status " + value);
  }
}
