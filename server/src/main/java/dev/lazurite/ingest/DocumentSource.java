package dev.lazurite.ingest;

import java.io.IOException;
import java.util.List;

/**
 * What an indexer crawls: the documents there now, of the kinds {@link DocumentParser} reads.
 * Documents indexed before but no longer listed are removed from the index.
 */
public interface DocumentSource {
  /** The documents, sorted by path. */
  List<SourceDocument> documents() throws IOException;
}
