package dev.lazurite.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Where ingested chunks go: an index of a search service, and the model that embeds them. */
public interface IngestTarget {
  /** Creates the index with the ingestion schema unless it exists. */
  void ensureIndex(int dimensions) throws IOException;

  /** The {@code content_hash} of every file's chunk 0 in the index, by relative path. */
  Map<String, String> fileHashes() throws IOException;

  /** How many chunks the index holds of each file that has any, by relative path. */
  Map<String, Integer> chunkCounts() throws IOException;

  /** Removes every chunk of a file. */
  void deleteFile(String filepath) throws IOException;

  void upload(List<ObjectNode> chunks) throws IOException;

  List<float[]> embed(List<String> texts) throws IOException;
}
