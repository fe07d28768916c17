package dev.lazurite.search.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import dev.lazurite.search.schema.VectorProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Turns a source document into Lucene fields, after checking it against the schema. The source is
 * kept whole in {@code _source}; text fields are indexed as {@code t.<name>}, exact values (for
 * filters, sorting and facets) as {@code f.<name>}, vectors as {@code v.<name>}.
 */
final class LuceneDocuments {
  static final String KEY = "_key";
  static final String SOURCE = "_source";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VALID_KEY = Pattern.compile("^[A-Za-z0-9_\\-=]{1,1024}$");

  private LuceneDocuments() {}

  static String textField(String name) {
    return "t." + name;
  }

  static String exactField(String name) {
    return "f." + name;
  }

  static String vectorField(String name) {
    return "v." + name;
  }

  /** Null if the key is valid, else the per-item error message. */
  static String keyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return "The document key is missing or empty.";
    }
    if (!VALID_KEY.matcher(key).matches()) {
      return "Invalid document key: '"
          + key
          + "'. Keys can only contain letters, digits, underscore (_), dash (-), or equal sign"
          + " (=).";
    }
    return null;
  }

  /** Checks every property of a document (action annotations excluded) against the schema. */
  static void validate(ObjectNode doc, IndexSchema schema) {
    Map<String, SearchField> fields = schema.byName();
    Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().startsWith("@search.")) {
        continue;
      }
      SearchField field = fields.get(e.getKey());
      if (field == null) {
        throw SearchException.badRequest(
            "The request is invalid. Details: The property '"
                + e.getKey()
                + "' does not exist on type 'search.documentFields'. Make sure to only use property"
                + " names that are defined by the type.");
      }
      check(field, e.getValue());
    }
  }

  private static void check(SearchField field, JsonNode value) {
    if (value.isNull()) {
      return;
    }
    if (field.type().vector()) {
      if (!value.isArray() || !allNumbers(value)) {
        throw mismatch(field);
      }
      for (JsonNode component : value) {
        if (!Float.isFinite((float) component.asDouble())) {
          throw notConvertible(component, "Edm.Single");
        }
      }
      if (value.size() != field.dimensions()) {
        throw SearchException.badRequest(
            "The request is invalid. Details: The vector field '"
                + field.name()
                + "', with dimension of '"
                + field.dimensions()
                + "', expects a length of '"
                + field.dimensions()
                + "'. However, the provided vector has a length of '"
                + value.size()
                + "'. Please ensure that the vector length matches the dimension of the field.");
      }
      return;
    }
    if (field.type().collection()) {
      if (!value.isArray()) {
        throw mismatch(field);
      }
      for (JsonNode item : value) {
        checkScalar(field, item);
      }
      return;
    }
    checkScalar(field, value);
  }

  private static void checkScalar(SearchField field, JsonNode v) {
    var t = field.type();
    boolean ok =
        t.string()
            ? v.isTextual()
            : t.integral()
                ? v.isIntegralNumber() && (t.base().equals("Edm.Int64") || v.canConvertToInt())
                : t.numeric()
                    ? v.isNumber()
                        || (v.isTextual() && List.of("NaN", "INF", "-INF").contains(v.asText()))
                    : t.bool()
                        ? v.isBoolean()
                        : t.date() ? v.isTextual() && parsesAsDate(v.asText()) : v.isObject();
    if (!ok) {
      throw mismatch(field);
    }
    if (t.numeric() && v.isNumber() && !Double.isFinite(v.asDouble())) {
      throw notConvertible(v, t.base());
    }
    if (t.string() && oneTerm(field) && utf8Length(v.textValue()) > MAX_TERM_BYTES) {
      throw SearchException.badRequest(
          "The request is invalid. Details: Field '"
              + field.name()
              + "' contains a term that is too large to process. The max length for UTF-8 encoded"
              + " terms is 32766 bytes. The most likely cause of this error is that filtering,"
              + " sorting, and/or faceting are enabled on this field, which causes the entire"
              + " field value to be indexed as a single term. Please avoid the use of these"
              + " options for large fields.");
    }
  }

  /** Lucene's limit on one indexed term. */
  static final int MAX_TERM_BYTES = 32766;

  /** Whether the whole value is indexed as one term: exact matching, or the keyword analyzer. */
  private static boolean oneTerm(SearchField field) {
    return field.filterable()
        || field.sortable()
        || field.facetable()
        || field.key()
        || (field.text() && field.analyzer().equals("keyword"));
  }

  /** UTF-8 length without encoding; stops counting once past the term limit. */
  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length() && bytes <= MAX_TERM_BYTES; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  static SearchException notConvertible(JsonNode value, String type) {
    return SearchException.badRequest(
        "The request is invalid. Details: Cannot convert the literal '"
            + value.asText()
            + "' to the expected type '"
            + type
            + "'.");
  }

  private static boolean parsesAsDate(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static long epochMillis(String date) {
    return OffsetDateTime.parse(date).toInstant().toEpochMilli();
  }

  private static boolean allNumbers(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isNumber()) {
        return false;
      }
    }
    return true;
  }

  private static SearchException mismatch(SearchField field) {
    return SearchException.badRequest(
        "The request is invalid. Details: Cannot convert the value of the property '"
            + field.name()
            + "' to the expected type '"
            + field.type()
            + "'.");
  }

  /** The Lucene document for a validated source document. */
  static List<org.apache.lucene.index.IndexableField> fields(
      ObjectNode source, IndexSchema schema) {
    List<org.apache.lucene.index.IndexableField> out = new ArrayList<>();
    String key = source.path(schema.key().name()).asText();
    out.add(new KeywordField(KEY, key, Field.Store.NO));
    try {
      // Vectors live in the vector index only; they are read back from there.
      ObjectNode stored = source.deepCopy();
      schema.fields().stream().filter(f -> f.type().vector()).forEach(f -> stored.remove(f.name()));
      out.add(new StoredField(SOURCE, JSON.writeValueAsBytes(stored)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (SearchField f : schema.fields()) {
      JsonNode value = source.get(f.name());
      if (value == null || value.isNull() || f.type().complex() || f.type().geo()) {
        continue;
      }
      if (f.type().vector()) {
        float[] vector = new float[value.size()];
        for (int i = 0; i < vector.length; i++) {
          vector[i] = (float) value.get(i).asDouble();
        }
        out.add(
            new KnnFloatVectorField(vectorField(f.name()), vector, similarity(schema.profile(f))));
        continue;
      }
      List<JsonNode> values = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(values::add);
      } else {
        values.add(value);
      }
      for (JsonNode v : values) {
        add(out, f, v);
      }
    }
    return out;
  }

  private static void add(
      List<org.apache.lucene.index.IndexableField> out, SearchField f, JsonNode v) {
    boolean exact = f.filterable() || f.sortable() || f.facetable();
    var t = f.type();
    if (t.string()) {
      if (f.text()) {
        out.add(new TextField(textField(f.name()), v.asText(), Field.Store.NO));
      }
      if (exact || f.key()) {
        out.add(new KeywordField(exactField(f.name()), v.asText(), Field.Store.NO));
      }
    } else if (!exact) {
      return;
    } else if (t.integral()) {
      out.add(new LongField(exactField(f.name()), v.asLong(), Field.Store.NO));
    } else if (t.date()) {
      out.add(new LongField(exactField(f.name()), epochMillis(v.asText()), Field.Store.NO));
    } else if (t.numeric()) {
      out.add(new DoubleField(exactField(f.name()), v.asDouble(), Field.Store.NO));
    } else if (t.bool()) {
      out.add(
          new KeywordField(exactField(f.name()), Boolean.toString(v.asBoolean()), Field.Store.NO));
    }
  }

  static VectorSimilarityFunction similarity(VectorProfile profile) {
    return switch (profile.metric()) {
      case "euclidean" -> VectorSimilarityFunction.EUCLIDEAN;
      case "dotProduct" -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
      default -> VectorSimilarityFunction.COSINE;
    };
  }

  /** Lucene's vector score as the service reports it: 1 / (1 + distance). */
  static double serviceScore(VectorProfile profile, float luceneScore) {
    return switch (profile.metric()) {
      case "euclidean" -> 1 / (1 + Math.sqrt(Math.max(0, 1 / luceneScore - 1)));
      case "dotProduct" -> luceneScore;
      default -> 1 / (2 - (2.0 * luceneScore - 1));
    };
  }

  /** Adds the document's vectors (all, or only retrievable ones) back to its source. */
  static ObjectNode withVectors(
      ObjectNode source,
      IndexSchema schema,
      org.apache.lucene.search.IndexSearcher searcher,
      int doc,
      boolean retrievableOnly) {
    for (SearchField f : schema.fields()) {
      if (f.type().vector() && (!retrievableOnly || f.retrievable())) {
        float[] vector = StoredVectors.of(searcher, vectorField(f.name()), doc);
        if (vector != null) {
          var array = source.putArray(f.name());
          for (float x : vector) {
            array.add(x);
          }
        }
      }
    }
    return source;
  }

  static ObjectNode source(byte[] bytes) {
    try {
      return (ObjectNode) JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
