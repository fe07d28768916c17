package dev.lazurite.store.jdbi;

import dev.lazurite.audit.AuditQuery;
import dev.lazurite.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The field filters of an audit query, applied to stored lines: a line whose text cannot hold a
 * match is skipped without being parsed, and a parsed record is matched field by field.
 */
final class AuditLineFilter {
  private final AuditQuery query;

  /** Text that each matching line holds, from the filters whose value needs no escaping. */
  private final List<String> needles = new ArrayList<>(4);

  AuditLineFilter(AuditQuery query) {
    this.query = query;
    needle("identity", query.principal());
    needle("deployment", query.deployment());
    needle("resultSignature", query.status());
    needle("category", query.category());
  }

  private void needle(String field, Optional<String> value) {
    value
        .filter(AuditLineFilter::plain)
        .ifPresent(v -> needles.add("\"" + field + "\":\"" + v + "\""));
  }

  /** Whether the value is written in a line as it is: printable ASCII, no quote or backslash. */
  private static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** False only when the line cannot be a match. */
  boolean mayMatch(String line) {
    for (String needle : needles) {
      if (!line.contains(needle)) {
        return false;
      }
    }
    return true;
  }

  boolean matches(AuditRecord r) {
    return is(query.principal(), r.identity())
        && is(query.deployment(), r.deployment())
        && is(query.status(), r.resultSignature())
        && is(query.category(), r.category());
  }

  private static boolean is(Optional<String> wanted, String value) {
    return wanted.isEmpty() || wanted.get().equals(value);
  }
}
