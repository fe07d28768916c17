package dev.lazurite.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;

/**
 * The index ingestion creates: content, title, file path, URL, chunk id, content hash and vector,
 * with a vectorizer on the embeddings deployment and a semantic configuration.
 */
public final class IngestSchema {
  private IngestSchema() {}

  public static ObjectNode definition(String index, String deployment, int dimensions) {
    String json =
        """
        {"name": "%s", "fields": [
          {"name": "id", "type": "Edm.String", "key": true, "searchable": false},
          {"name": "content", "type": "Edm.String", "searchable": true, "filterable": false,
           "sortable": false, "facetable": false},
          {"name": "title", "type": "Edm.String", "searchable": true, "facetable": false},
          {"name": "filepath", "type": "Edm.String", "searchable": false},
          {"name": "url", "type": "Edm.String", "searchable": false, "filterable": false,
           "sortable": false, "facetable": false},
          {"name": "chunk_id", "type": "Edm.String", "searchable": false, "facetable": false},
          {"name": "content_hash", "type": "Edm.String", "searchable": false, "facetable": false,
           "sortable": false},
          {"name": "vector", "type": "Collection(Edm.Single)", "searchable": true,
           "retrievable": false, "dimensions": %d, "vectorSearchProfile": "default"}],
         "vectorSearch": {
           "algorithms": [{"name": "hnsw", "kind": "hnsw"}],
           "profiles": [{"name": "default", "algorithm": "hnsw", "vectorizer": "embeddings"}],
           "vectorizers": [{"name": "embeddings", "kind": "azureOpenAI",
             "azureOpenAIParameters": {"deploymentId": "%s"}}]},
         "semantic": {"defaultConfiguration": "default", "configurations": [{"name": "default",
           "prioritizedFields": {"titleField": {"fieldName": "title"},
             "prioritizedContentFields": [{"fieldName": "content"}]}}]}}
        """
            .formatted(index, dimensions, deployment);
    return Json.read(json, ObjectNode.class);
  }
}
