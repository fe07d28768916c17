package dev.lazurite.search.schema;

import dev.lazurite.search.SearchException;
import java.util.List;

/**
 * An EDM field type: a base type, possibly in a {@code Collection(…)}. A collection of {@code
 * Edm.Single} (or another numeric element type meant for vectors) is a vector field.
 */
public record FieldType(String base, boolean collection) {
  private static final List<String> BASES =
      List.of(
          "Edm.String",
          "Edm.Int32",
          "Edm.Int64",
          "Edm.Double",
          "Edm.Boolean",
          "Edm.DateTimeOffset",
          "Edm.GeographyPoint",
          "Edm.ComplexType");
  private static final List<String> VECTOR_ELEMENTS =
      List.of("Edm.Single", "Edm.Half", "Edm.Int16", "Edm.SByte", "Edm.Byte");

  public static FieldType parse(String type, String field) {
    String base = type;
    boolean collection = false;
    if (type.startsWith("Collection(") && type.endsWith(")")) {
      base = type.substring("Collection(".length(), type.length() - 1);
      collection = true;
    }
    if (BASES.contains(base) || (collection && VECTOR_ELEMENTS.contains(base))) {
      return new FieldType(base, collection);
    }
    throw SearchException.invalidDefinition(
        "The field '" + field + "' has an invalid type '" + type + "'.");
  }

  public boolean vector() {
    return collection && VECTOR_ELEMENTS.contains(base);
  }

  public boolean string() {
    return base.equals("Edm.String");
  }

  public boolean integral() {
    return base.equals("Edm.Int32") || base.equals("Edm.Int64");
  }

  public boolean numeric() {
    return integral() || base.equals("Edm.Double");
  }

  public boolean complex() {
    return base.equals("Edm.ComplexType");
  }

  public boolean date() {
    return base.equals("Edm.DateTimeOffset");
  }

  public boolean bool() {
    return base.equals("Edm.Boolean");
  }

  public boolean geo() {
    return base.equals("Edm.GeographyPoint");
  }

  @Override
  public String toString() {
    return collection ? "Collection(" + base + ")" : base;
  }
}
