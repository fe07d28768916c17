package dev.lazurite.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held while a server runs: a second server on the same
 * directory refuses to start instead of fighting over its TLS material and {@code server.json}. The
 * operating system releases the lock when the process dies, however it dies.
 */
public final class DataDirLock implements AutoCloseable {
  public static final String FILE = "lazurite.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks the directory, or fails with a message naming the server that holds it. */
  public static DataDirLock acquire(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      String holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
      throw new IllegalStateException(
          "the data directory %s is in use by another Lazurite server%s; give each instance its own --data-dir"
              .formatted(
                  dataDir.toAbsolutePath(), holder.isEmpty() ? "" : " (pid " + holder + ")"));
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(
            Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
    channel.force(false);
    return new DataDirLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The lock goes with the channel, and with the process at the latest.
    }
  }
}
