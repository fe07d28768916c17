package dev.lazurite.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Makes a file readable by its owner only, where the file system has POSIX permissions. */
public final class OwnerOnly {
  private OwnerOnly() {}

  public static void restrict(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      path.toFile().setReadable(false, false);
      path.toFile().setReadable(true, true);
    }
  }
}
