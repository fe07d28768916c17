package dev.lazurite.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** How ingestion reaches a search service and an embeddings deployment. */
public interface IngestTransport {
  /** A search API answer. */
  record Reply(int status, byte[] body) {}

  /**
   * Calls the search service's REST API.
   *
   * @param path below the service endpoint, e.g. {@code /indexes/kb/docs/index}
   */
  Reply search(String method, String path, JsonNode body) throws IOException;

  List<float[]> embed(String deployment, List<String> texts) throws IOException;
}
