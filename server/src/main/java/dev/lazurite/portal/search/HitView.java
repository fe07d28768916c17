package dev.lazurite.portal.search;

import java.util.List;

/**
 * One result of the query box: the document's key, a few of its fields, and its score.
 *
 * @param fields name and value of up to {@link SearchRoutes#SHOWN_FIELDS} fields
 */
public record HitView(String key, List<Shown> fields, String score) {
  public HitView {
    fields = List.copyOf(fields);
  }

  /** A field's name and its value, shortened for the table. */
  public record Shown(String name, String value) {}
}
