package dev.lazurite.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Makes a file readable by its owner only. */
public final class OwnerOnly {
  private OwnerOnly() {}

  public static void restrict(Path path) throws IOException {
    if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      return;
    }
    // Without POSIX permissions (e.g. on Windows), clear access for everyone, then grant the owner.
    var file = path.toFile();
    if (!(file.setReadable(false, false) && file.setReadable(true, true))) {
      throw new IOException("cannot restrict " + path + " to its owner");
    }
  }
}
