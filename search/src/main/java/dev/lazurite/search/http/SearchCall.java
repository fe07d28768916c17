package dev.lazurite.search.http;

import java.util.List;
import java.util.Map;

/**
 * One request to a search service, as the HTTP layer hands it over.
 *
 * @param path the raw path below the service endpoint, e.g. {@code /indexes('docs')/docs/$count}
 * @param query decoded query parameters
 * @param headers lower-cased names
 * @param admin whether the caller holds an admin key (or an equivalent token)
 */
public record SearchCall(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    boolean admin) {
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }
}
