package dev.lazurite.ingest;

import java.io.IOException;
import java.io.InputStream;

/** One document a crawl finds: a file in a folder, or a blob in a container. */
public interface SourceDocument {
  /** Its path within the source, with {@code /} between folders; the key of its chunks. */
  String path();

  /** Where it can be fetched, for citations. */
  String url();

  /**
   * What changes whenever its content changes (a content hash, an ETag); the same text means the
   * document is already indexed as it is.
   */
  String version() throws IOException;

  /** Its content; the caller closes the stream. */
  InputStream open() throws IOException;
}
