package dev.lazurite.search.schema;

import static dev.lazurite.search.SearchException.invalidDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.SearchException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates an index definition and fills in the defaults the service fills in. */
final class SchemaParser {
  /** Azure AI Search's limit on the fields of an index, sub-fields of complex fields included. */
  static final int MAX_FIELDS = 1000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern INDEX_NAME = Pattern.compile("^[a-z0-9](?:[a-z0-9]|-(?!-)){0,127}$");
  private static final Pattern FIELD_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,127}$");
  static final Set<String> ANALYZERS =
      Set.of(
          "standard.lucene",
          "standardasciifolding.lucene",
          "en.lucene",
          "en.microsoft",
          "keyword",
          "simple",
          "stop",
          "whitespace");
  private static final Set<String> METRICS = Set.of("cosine", "euclidean", "dotProduct");

  private SchemaParser() {}

  static IndexSchema parse(JsonNode body, Optional<String> urlName, String etag) {
    if (body == null || !body.isObject()) {
      throw SearchException.badRequest("The request is invalid. Details: definition is required.");
    }
    ObjectNode in = (ObjectNode) body;
    String name = in.path("name").asText("");
    if (urlName.isPresent()) {
      if (!name.isEmpty() && !name.equals(urlName.get())) {
        throw SearchException.badRequest(
            "The index name '" + name + "' in the body does not match '" + urlName.get() + "'.");
      }
      name = urlName.get();
    }
    if (!INDEX_NAME.matcher(name).matches()) {
      throw invalidDefinition(
          "Invalid index name '"
              + name
              + "'. Index names must be 1-128 lower-case letters, digits or dashes, start with a"
              + " letter or digit, and not contain consecutive dashes.");
    }
    JsonNode fieldsNode = in.path("fields");
    if (!fieldsNode.isArray() || fieldsNode.isEmpty()) {
      throw invalidDefinition("The index must have at least one field.");
    }
    int count = countFields(fieldsNode);
    if (count > MAX_FIELDS) {
      throw invalidDefinition(
          "The index has "
              + count
              + " fields; an index may have at most "
              + MAX_FIELDS
              + " fields, counting the sub-fields of complex fields.");
    }
    ObjectNode vectorSearch = vectorSearch(in.path("vectorSearch"));
    Map<String, VectorProfile> profiles = profiles(vectorSearch);
    List<SearchField> fields = new ArrayList<>();
    ArrayNode fieldsOut = JSON.arrayNode();
    Set<String> names = new HashSet<>();
    for (JsonNode f : fieldsNode) {
      ObjectNode out = JSON.objectNode();
      SearchField field = field(f, profiles, out);
      if (!names.add(field.name())) {
        throw invalidDefinition("The field '" + field.name() + "' is defined more than once.");
      }
      fields.add(field);
      fieldsOut.add(out);
    }
    long keys = fields.stream().filter(SearchField::key).count();
    if (keys != 1) {
      throw invalidDefinition("The index must have exactly one key field; found " + keys + ".");
    }
    Map<String, SemanticConfig> semantic = new HashMap<>();
    String defaultSemantic = semantic(in.path("semantic"), fields, semantic);

    ObjectNode out = JSON.objectNode();
    out.put("@odata.etag", etag);
    out.put("name", name);
    out.set(
        "defaultScoringProfile",
        in.path("defaultScoringProfile").isTextual()
            ? in.get("defaultScoringProfile")
            : JSON.nullNode());
    out.set("fields", fieldsOut);
    for (String member :
        List.of(
            "scoringProfiles",
            "suggesters",
            "analyzers",
            "tokenizers",
            "tokenFilters",
            "charFilters",
            "normalizers")) {
      out.set(member, in.path(member).isArray() ? in.get(member) : JSON.arrayNode());
    }
    out.set(
        "corsOptions", in.path("corsOptions").isObject() ? in.get("corsOptions") : JSON.nullNode());
    out.set("encryptionKey", JSON.nullNode());
    ObjectNode similarity = JSON.objectNode();
    similarity.put("@odata.type", "#Microsoft.Azure.Search.BM25Similarity");
    similarity.putNull("k1");
    similarity.putNull("b");
    out.set("similarity", similarity);
    out.set("semantic", in.path("semantic").isObject() ? in.get("semantic") : JSON.nullNode());
    out.set("vectorSearch", vectorSearch == null ? JSON.nullNode() : vectorSearch);
    return new IndexSchema(name, fields, profiles, semantic, defaultSemantic, out);
  }

  private static SearchField field(
      JsonNode f, Map<String, VectorProfile> profiles, ObjectNode out) {
    if (!f.isObject()) {
      throw invalidDefinition("Each field must be an object.");
    }
    String name = f.path("name").asText("");
    if (!FIELD_NAME.matcher(name).matches()) {
      throw invalidDefinition(
          "Invalid field name '"
              + name
              + "'. Field names must start with a letter and contain only letters, digits or"
              + " underscores.");
    }
    if (!f.path("type").isTextual()) {
      throw invalidDefinition("The field '" + name + "' must have a type.");
    }
    FieldType type = FieldType.parse(f.get("type").asText(), name);
    boolean vector = type.vector();
    boolean key = flag(f, "key", false);
    boolean searchable = flag(f, "searchable", type.string() || vector);
    boolean filterable = flag(f, "filterable", !vector && !type.complex());
    boolean sortable = flag(f, "sortable", !vector && !type.collection() && !type.complex());
    boolean facetable = flag(f, "facetable", !vector && !type.geo() && !type.complex());
    boolean retrievable = flag(f, "retrievable", true);
    boolean stored = flag(f, "stored", true);
    String analyzer = f.path("analyzer").asText("");
    if (f.path("analyzer").isNull()) {
      analyzer = "";
    }
    int dimensions = f.path("dimensions").asInt(0);
    String profile =
        f.path("vectorSearchProfile").isTextual() ? f.get("vectorSearchProfile").asText() : "";
    if (key && (!type.string() || type.collection())) {
      throw invalidDefinition("The key field '" + name + "' must be of type Edm.String.");
    }
    if (sortable && type.collection()) {
      throw invalidDefinition("The field '" + name + "' is a collection and cannot be sortable.");
    }
    if (searchable && !type.string() && !vector) {
      throw invalidDefinition(
          "The field '" + name + "' of type " + type + " cannot be searchable.");
    }
    if (!analyzer.isEmpty() && !ANALYZERS.contains(analyzer)) {
      throw invalidDefinition(
          "The field '" + name + "' names an unknown analyzer '" + analyzer + "'.");
    }
    if (vector) {
      if (!searchable) {
        throw invalidDefinition("The vector field '" + name + "' must be searchable.");
      }
      if (filterable || sortable || facetable) {
        throw invalidDefinition(
            "The vector field '" + name + "' cannot be filterable, sortable or facetable.");
      }
      if (dimensions < 2 || dimensions > 4096) {
        throw invalidDefinition(
            "The vector field '"
                + name
                + "' must have 'dimensions' between 2 and 4096; got "
                + dimensions
                + ".");
      }
      if (!profiles.containsKey(profile)) {
        throw invalidDefinition(
            "The vector field '"
                + name
                + "' names the vector search profile '"
                + profile
                + "', which is not defined.");
      }
    } else if (dimensions != 0 || !profile.isEmpty()) {
      throw invalidDefinition(
          "Only vector fields can have 'dimensions' or 'vectorSearchProfile'; '"
              + name
              + "' is "
              + type
              + ".");
    }
    out.put("name", name);
    out.put("type", type.toString());
    out.put("searchable", searchable);
    out.put("filterable", filterable);
    out.put("retrievable", retrievable);
    out.put("stored", stored);
    out.put("sortable", sortable);
    out.put("facetable", facetable);
    out.put("key", key);
    out.putNull("indexAnalyzer");
    out.putNull("searchAnalyzer");
    if (analyzer.isEmpty()) {
      out.putNull("analyzer");
    } else {
      out.put("analyzer", analyzer);
    }
    out.putNull("normalizer");
    if (vector) {
      out.put("dimensions", dimensions);
      out.put("vectorSearchProfile", profile);
    } else {
      out.putNull("dimensions");
      out.putNull("vectorSearchProfile");
    }
    out.putNull("vectorEncoding");
    out.set(
        "synonymMaps", f.path("synonymMaps").isArray() ? f.get("synonymMaps") : JSON.arrayNode());
    if (type.complex()) {
      out.set("fields", f.path("fields").isArray() ? f.get("fields") : JSON.arrayNode());
    }
    return new SearchField(
        name,
        type,
        key,
        retrievable && stored,
        searchable,
        filterable,
        sortable,
        facetable,
        analyzer,
        dimensions,
        profile);
  }

  private static boolean flag(JsonNode f, String name, boolean fallback) {
    JsonNode v = f.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw invalidDefinition(
          "The attribute '"
              + name
              + "' of field '"
              + f.path("name").asText()
              + "' must be a boolean.");
    }
    return v.asBoolean();
  }

  /** The vectorSearch section with algorithm parameters defaulted, or null when absent. */
  private static int countFields(JsonNode fields) {
    int count = 0;
    for (JsonNode f : fields) {
      count++;
      if (f.path("fields").isArray()) {
        count += countFields(f.get("fields"));
      }
    }
    return count;
  }

  private static ObjectNode vectorSearch(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalidDefinition("'vectorSearch' must be an object.");
    }
    ObjectNode out = ((ObjectNode) node).deepCopy();
    ArrayNode algorithms = JSON.arrayNode();
    for (JsonNode a : node.path("algorithms")) {
      if (!(a instanceof ObjectNode given)) {
        throw invalidDefinition("Each vector search algorithm must be an object.");
      }
      ObjectNode algorithm = given.deepCopy();
      String kind = a.path("kind").asText("");
      if (kind.equals("hnsw")) {
        ObjectNode p = parameters(algorithm, "hnswParameters");
        int m = p.path("m").asInt(4);
        int efConstruction = p.path("efConstruction").asInt(400);
        int efSearch = p.path("efSearch").asInt(500);
        if (m < 4
            || m > 10
            || efConstruction < 100
            || efConstruction > 1000
            || efSearch < 100
            || efSearch > 1000) {
          throw invalidDefinition(
              "HNSW parameters out of range: m must be 4-10, efConstruction and efSearch 100-1000.");
        }
        p.put("m", m);
        p.put("efConstruction", efConstruction);
        p.put("efSearch", efSearch);
        p.put("metric", metric(p));
      } else if (kind.equals("exhaustiveKnn")) {
        ObjectNode p = parameters(algorithm, "exhaustiveKnnParameters");
        p.put("metric", metric(p));
      } else {
        throw invalidDefinition(
            "Unknown vector search algorithm kind '" + kind + "'; use hnsw or exhaustiveKnn.");
      }
      algorithms.add(algorithm);
    }
    out.set("algorithms", algorithms);
    for (String member : List.of("profiles", "vectorizers", "compressions")) {
      if (!out.path(member).isArray()) {
        out.set(member, JSON.arrayNode());
      }
    }
    return out;
  }

  private static ObjectNode parameters(ObjectNode algorithm, String member) {
    JsonNode p = algorithm.path(member);
    ObjectNode params = p.isObject() ? (ObjectNode) p : JSON.objectNode();
    algorithm.set(member, params);
    return params;
  }

  private static String metric(ObjectNode params) {
    String metric = params.path("metric").asText("cosine");
    if (!METRICS.contains(metric)) {
      throw invalidDefinition(
          "Unknown vector metric '" + metric + "'; use cosine, euclidean or dotProduct.");
    }
    return metric;
  }

  private static Map<String, VectorProfile> profiles(ObjectNode vectorSearch) {
    Map<String, VectorProfile> profiles = new HashMap<>();
    if (vectorSearch == null) {
      return profiles;
    }
    Map<String, JsonNode> algorithms = named(vectorSearch.path("algorithms"), "algorithm");
    Map<String, JsonNode> vectorizers = named(vectorSearch.path("vectorizers"), "vectorizer");
    for (JsonNode p : vectorSearch.path("profiles")) {
      String name = p.path("name").asText("");
      JsonNode algorithm = algorithms.get(p.path("algorithm").asText(""));
      if (algorithm == null) {
        throw invalidDefinition(
            "The vector search profile '"
                + name
                + "' names the algorithm '"
                + p.path("algorithm").asText("")
                + "', which is not defined.");
      }
      String deployment = "";
      String resource = "";
      if (p.path("vectorizer").isTextual()) {
        JsonNode vectorizer = vectorizers.get(p.get("vectorizer").asText());
        if (vectorizer == null) {
          throw invalidDefinition(
              "The vector search profile '"
                  + name
                  + "' names the vectorizer '"
                  + p.get("vectorizer").asText()
                  + "', which is not defined.");
        }
        deployment = vectorizer.path("azureOpenAIParameters").path("deploymentId").asText("");
        resource = vectorizer.path("azureOpenAIParameters").path("resourceUri").asText("");
      }
      boolean exhaustive = algorithm.path("kind").asText().equals("exhaustiveKnn");
      String metric =
          algorithm
              .path(exhaustive ? "exhaustiveKnnParameters" : "hnswParameters")
              .path("metric")
              .asText("cosine");
      profiles.put(name, new VectorProfile(name, metric, exhaustive, resource, deployment));
    }
    return profiles;
  }

  private static Map<String, JsonNode> named(JsonNode array, String what) {
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode n : array) {
      String name = n.path("name").asText("");
      if (name.isEmpty() || byName.put(name, n) != null) {
        throw invalidDefinition("Every " + what + " needs a unique name.");
      }
    }
    return byName;
  }

  private static String semantic(
      JsonNode node, List<SearchField> fields, Map<String, SemanticConfig> out) {
    if (!node.isObject()) {
      return "";
    }
    Set<String> textFields = new HashSet<>();
    fields.stream().filter(f -> f.type().string()).forEach(f -> textFields.add(f.name()));
    for (JsonNode c : node.path("configurations")) {
      String name = c.path("name").asText("");
      JsonNode prioritized = c.path("prioritizedFields");
      String title = prioritized.path("titleField").path("fieldName").asText("");
      List<String> content = fieldNames(prioritized.path("prioritizedContentFields"));
      List<String> keywords = fieldNames(prioritized.path("prioritizedKeywordsFields"));
      for (String f : concat(title, content, keywords)) {
        if (!textFields.contains(f)) {
          throw invalidDefinition(
              "The semantic configuration '"
                  + name
                  + "' names '"
                  + f
                  + "', which is not a string field of the index.");
        }
      }
      out.put(name, new SemanticConfig(name, title, content, keywords));
    }
    String defaultConfig = node.path("defaultConfiguration").asText("");
    if (!defaultConfig.isEmpty() && !out.containsKey(defaultConfig)) {
      throw invalidDefinition(
          "The default semantic configuration '" + defaultConfig + "' is not defined.");
    }
    return defaultConfig.isEmpty() && out.size() == 1
        ? out.keySet().iterator().next()
        : defaultConfig;
  }

  private static List<String> fieldNames(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.path("fieldName").asText("")));
    return names;
  }

  private static List<String> concat(String title, List<String> a, List<String> b) {
    List<String> all = new ArrayList<>();
    if (!title.isEmpty()) {
      all.add(title);
    }
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
