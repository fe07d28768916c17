package dev.lazurite.files;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The local directory store keeps the contract. */
class LocalFileStoreTest extends FileStoreContract {
  @TempDir Path dir;
  private FileStore store;

  @BeforeEach
  void open() {
    store = new LocalFileStore(dir.resolve("files"));
  }

  @Override
  FileStore store() {
    return store;
  }
}
