package dev.lazurite.ondata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Validates {@code data_sources} with the service's parameter names and messages. */
public final class DataSourceParser {
  private static final List<String> QUERY_TYPES =
      List.of("simple", "semantic", "vector", "vector_simple_hybrid", "vector_semantic_hybrid");
  private static final List<String> AUTH_TYPES =
      List.of(
          "api_key",
          "system_assigned_managed_identity",
          "user_assigned_managed_identity",
          "access_token");
  private static final List<String> CONTEXTS =
      List.of("citations", "intent", "all_retrieved_documents");
  private static final String P = "data_sources[0].parameters.";

  private DataSourceParser() {}

  public static DataSource parse(JsonNode node) {
    if (!node.isArray() || node.size() != 1) {
      throw invalid("data_sources", "There must be exactly one element in the array.");
    }
    JsonNode source = node.get(0);
    if (!source.isObject()) {
      throw invalid("data_sources[0]", "Expected an object.");
    }
    String type = source.path("type").asText("");
    if (!type.equals("azure_search")) {
      throw invalid(
          "data_sources[0].type",
          "Unsupported data source type '" + type + "'. Supported values are: 'azure_search'.");
    }
    JsonNode p = source.path("parameters");
    if (!p.isObject()) {
      throw missing("data_sources[0].parameters");
    }
    String endpoint = requiredText(p, "endpoint");
    String index = requiredText(p, "index_name");
    JsonNode auth = p.path("authentication");
    if (!auth.isObject()) {
      throw missing(P + "authentication");
    }
    String authType = auth.path("type").asText("");
    if (!AUTH_TYPES.contains(authType)) {
      throw invalid(
          P + "authentication.type",
          "Supported values are: " + String.join(", ", AUTH_TYPES) + ".");
    }
    Optional<String> key = Optional.empty();
    if (authType.equals("api_key")) {
      key = Optional.of(requiredText(auth, "key", P + "authentication.key"));
    }
    String queryType = text(p, "query_type", "simple");
    if (!QUERY_TYPES.contains(queryType)) {
      throw invalid(
          P + "query_type", "Supported values are: " + String.join(", ", QUERY_TYPES) + ".");
    }
    String semantic = text(p, "semantic_configuration", "");
    int top = integer(p, "top_n_documents", 5, 1, 20);
    int strictness = integer(p, "strictness", 3, 1, 5);
    boolean inScope = bool(p, "in_scope", true);
    Optional<String> embedding = Optional.empty();
    JsonNode dependency = p.path("embedding_dependency");
    if (dependency.isObject()) {
      String depType = dependency.path("type").asText("");
      if (depType.equals("deployment_name")) {
        embedding =
            Optional.of(
                requiredText(
                    dependency, "deployment_name", P + "embedding_dependency.deployment_name"));
      } else if (!depType.equals("integrated")) {
        throw invalid(
            P + "embedding_dependency.type",
            "Supported values are: deployment_name, integrated (endpoint dependencies are not"
                + " reachable from this server).");
      }
    } else if (!dependency.isMissingNode() && !dependency.isNull()) {
      throw invalid(P + "embedding_dependency", "Expected an object.");
    }
    List<String> contexts = new ArrayList<>();
    JsonNode include = p.path("include_contexts");
    if (include.isArray()) {
      for (JsonNode c : include) {
        if (!CONTEXTS.contains(c.asText())) {
          throw invalid(
              P + "include_contexts", "Supported values are: " + String.join(", ", CONTEXTS) + ".");
        }
        contexts.add(c.asText());
      }
    } else if (include.isMissingNode() || include.isNull()) {
      contexts.addAll(List.of("citations", "intent"));
    } else {
      throw invalid(P + "include_contexts", "Expected an array.");
    }
    return new DataSource(
        endpoint,
        index,
        authType,
        key,
        queryType,
        semantic,
        top,
        inScope,
        strictness,
        text(p, "role_information", ""),
        text(p, "filter", ""),
        fields(p.path("fields_mapping")),
        embedding,
        contexts,
        integer(p, "max_search_queries", 0, 0, 10),
        bool(p, "allow_partial_result", false));
  }

  private static DataSource.FieldsMapping fields(JsonNode m) {
    if (!m.isMissingNode() && !m.isNull() && !m.isObject()) {
      throw invalid(P + "fields_mapping", "Expected an object.");
    }
    return new DataSource.FieldsMapping(
        optional(m, "title_field"),
        optional(m, "url_field"),
        optional(m, "filepath_field"),
        list(m, "content_fields"),
        m.path("content_fields_separator").asText("\n"),
        list(m, "vector_fields"));
  }

  private static Optional<String> optional(JsonNode m, String name) {
    return m.path(name).isTextual() ? Optional.of(m.get(name).asText()) : Optional.empty();
  }

  private static List<String> list(JsonNode m, String name) {
    List<String> out = new ArrayList<>();
    JsonNode v = m.path(name);
    if (v.isArray()) {
      v.forEach(n -> out.add(n.asText()));
    } else if (!v.isMissingNode() && !v.isNull()) {
      throw invalid(P + "fields_mapping." + name, "Expected an array of strings.");
    }
    return out;
  }

  private static String requiredText(JsonNode p, String name) {
    return requiredText(p, name, P + name);
  }

  private static String requiredText(JsonNode p, String name, String path) {
    JsonNode v = p.path(name);
    if (v.isMissingNode() || v.isNull()) {
      throw missing(path);
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw invalid(path, "Expected a non-empty string.");
    }
    return v.asText();
  }

  private static String text(JsonNode p, String name, String fallback) {
    JsonNode v = p.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw invalid(P + name, "Expected a string.");
    }
    return v.asText();
  }

  private static int integer(JsonNode p, String name, int fallback, int min, int max) {
    JsonNode v = p.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
      throw invalid(P + name, "Expected an integer from " + min + " to " + max + ".");
    }
    return v.asInt();
  }

  private static boolean bool(JsonNode p, String name, boolean fallback) {
    JsonNode v = p.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw invalid(P + name, "Expected a boolean.");
    }
    return v.asBoolean();
  }

  private static ApiException missing(String path) {
    return ApiException.invalid(
        "Missing required parameter: '" + path + "'.", path, "missing_required_parameter");
  }

  static ApiException invalid(String path, String detail) {
    return ApiException.invalid("Invalid '" + path + "': " + detail, path, "invalid_value");
  }
}
