package dev.lazurite.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.Account;
import dev.lazurite.error.ApiException;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.searchservice.SearchServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The vector stores a {@code file_search} tool names: the indexes of the search services in the
 * caller's resource group (the account's subscription and resource group). An id is {@code
 * service/index}, or just the index name when no other service of the group has an index of that
 * name. A store is searched through On Your Data's retrieval, as an {@code azure_search} data
 * source the gateway adds to the model call, so that its documents are shielded and ground the
 * prompt exactly as for a chat with {@code data_sources}.
 */
final class VectorStores {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** At most this many documents ground the model, as On Your Data's {@code top_n_documents}. */
  static final int MAX_GROUNDING = 20;

  private final SearchServices services;

  VectorStores(SearchServices services) {
    this.services = java.util.Objects.requireNonNull(services, "services is null");
  }

  /** A vector store found: the search service, its index and the index's definition. */
  record Store(String service, String index, IndexSchema schema) {
    String id() {
      return service + "/" + index;
    }
  }

  /** The store the tool names, in the caller's resource group; otherwise a 400 naming the id. */
  Store resolve(FileSearchTool tool, Account account) {
    String id = tool.vectorStoreIds().getFirst();
    String param = tool.path() + ".vector_store_ids[0]";
    List<Store> found = new ArrayList<>();
    int slash = id.indexOf('/');
    for (SearchService service : own(account)) {
      if (slash >= 0 && !service.name().equals(id.substring(0, slash))) {
        continue;
      }
      String index = slash >= 0 ? id.substring(slash + 1) : id;
      services
          .indexes(service.name())
          .schema(index)
          .ifPresent(schema -> found.add(new Store(service.name(), index, schema)));
    }
    if (found.isEmpty()) {
      throw ApiException.invalid(
          "Vector store with id '"
              + id
              + "' not found. A vector store is an index of a search service in this resource's"
              + " resource group, named 'service/index' or by the index name alone.",
          param,
          "invalid_value");
    }
    if (found.size() > 1) {
      throw ApiException.invalid(
          "Vector store id '"
              + id
              + "' names an index in more than one search service; name it as one of: "
              + String.join(", ", found.stream().map(Store::id).toList())
              + ".",
          param,
          "invalid_value");
    }
    return found.getFirst();
  }

  private List<SearchService> own(Account account) {
    return services.list().stream()
        .filter(s -> s.subscription().equalsIgnoreCase(account.subscriptionId()))
        .filter(
            s ->
                s.resourceGroup()
                    .toLowerCase(Locale.ROOT)
                    .equals(account.resourceGroup().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /**
   * The {@code data_sources} of the model call: the store's index reached as this server's own
   * service (no key: the gateway searches on the caller's behalf), out of scope answers allowed
   * (the model answers when nothing is found), every retrieved document reported back.
   */
  static ArrayNode dataSources(FileSearchTool tool, Store store) {
    ArrayNode sources = NODES.arrayNode();
    ObjectNode source = sources.addObject().put("type", "azure_search");
    ObjectNode p = source.putObject("parameters");
    p.put("endpoint", "https://" + store.service() + ".search.windows.net");
    p.put("index_name", store.index());
    p.putObject("authentication").put("type", "system_assigned_managed_identity");
    p.put("query_type", hybrid(store.schema()) ? "vector_simple_hybrid" : "simple");
    p.put("top_n_documents", Math.min(MAX_GROUNDING, tool.maxNumResults()));
    p.put("in_scope", false);
    p.put("strictness", tool.strictness());
    tool.filters()
        .ifPresent(
            f ->
                p.put(
                    "filter",
                    FileSearchFilters.odata(f, tool.path() + ".filters", store.schema())));
    p.putArray("include_contexts").add("citations").add("all_retrieved_documents");
    return sources;
  }

  /** Whether the index turns a text query into vectors itself, on every vector field. */
  private static boolean hybrid(IndexSchema schema) {
    List<SearchField> vectors = schema.fields().stream().filter(f -> f.type().vector()).toList();
    return !vectors.isEmpty()
        && vectors.stream()
            .allMatch(
                f ->
                    schema.profile(f) != null
                        && !schema.profile(f).vectorizerDeployment().isEmpty());
  }
}
