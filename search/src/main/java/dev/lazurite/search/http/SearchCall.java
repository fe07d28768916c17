package dev.lazurite.search.http;

import java.util.List;
import java.util.Map;

/**
 * One request to a search service, as the HTTP layer hands it over.
 *
 * @param path the raw path below the service endpoint, e.g. {@code /indexes('docs')/docs/$count}
 * @param query decoded query parameters
 * @param headers lower-cased names
 * @param access what the caller may do: an admin key may do everything, a query key only read
 */
public record SearchCall(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    Access access) {
  /**
   * What a caller may do: read documents, write documents, and manage definitions (indexes, data
   * sources, indexers).
   */
  public record Access(boolean read, boolean writeDocuments, boolean manage) {
    public static final Access ADMIN = new Access(true, true, true);
    public static final Access QUERY = new Access(true, false, false);
  }

  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }
}
