package dev.lazurite.search.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.engine.DocumentIndex;
import dev.lazurite.search.engine.IndexStore;
import dev.lazurite.search.schema.IndexSchema;

/** The JSON of index definitions, index lists and statistics. */
final class ServiceViews {
  private ServiceViews() {}

  static ObjectNode definition(IndexSchema schema, String endpoint) {
    ObjectNode out = SearchReply.JSON.createObjectNode();
    out.put("@odata.context", endpoint + "/$metadata#indexes/$entity");
    out.setAll(schema.definition());
    return out;
  }

  static SearchReply list(IndexStore store, String endpoint, String select) {
    ObjectNode out = SearchReply.JSON.createObjectNode();
    out.put(
        "@odata.context",
        endpoint + "/$metadata#indexes" + (select == null ? "" : "(" + select + ")"));
    ArrayNode value = out.putArray("value");
    for (IndexSchema schema : store.list()) {
      if ("name".equals(select)) {
        value.addObject().put("name", schema.name());
      } else {
        value.add(schema.definition());
      }
    }
    return SearchReply.json(200, out);
  }

  static SearchReply indexStats(DocumentIndex.Stats stats, String endpoint) {
    ObjectNode out = SearchReply.JSON.createObjectNode();
    out.put(
        "@odata.context",
        endpoint + "/$metadata#Microsoft.Azure.Search.V2024_07_01.IndexStatistics");
    out.put("documentCount", stats.documentCount());
    out.put("storageSize", stats.storageSize());
    out.put("vectorIndexSize", stats.vectorIndexSize());
    return SearchReply.json(200, out);
  }

  static SearchReply stats(IndexStore store) {
    long documents = 0;
    long storage = 0;
    long vectors = 0;
    for (IndexSchema schema : store.list()) {
      var stats = store.documents(schema.name()).orElseThrow().stats();
      documents += stats.documentCount();
      storage += stats.storageSize();
      vectors += stats.vectorIndexSize();
    }
    ObjectNode out = SearchReply.JSON.createObjectNode();
    ObjectNode counters = out.putObject("counters");
    counters.putObject("documentCount").put("usage", documents).putNull("quota");
    counters.putObject("indexesCount").put("usage", store.list().size()).putNull("quota");
    counters.putObject("storageSize").put("usage", storage).putNull("quota");
    counters.putObject("vectorIndexSize").put("usage", vectors).putNull("quota");
    out.putObject("limits");
    return SearchReply.json(200, out);
  }
}
