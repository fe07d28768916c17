package dev.lazurite.files;

import java.io.IOException;

/** A file's content held more bytes than its purpose allows; nothing of it was kept. */
public final class FileTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public FileTooLargeException(long limit) {
    super("the file is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
