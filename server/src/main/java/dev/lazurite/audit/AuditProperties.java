package dev.lazurite.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code properties} of an audit entry: a JSON tree (control-plane changes), or the typed
 * fields of a data-plane request. Both take the same canonical text, keys sorted at every level and
 * no white space, so a record's hash does not depend on the form its properties were given in.
 */
public sealed interface AuditProperties permits AuditProperties.Tree, DataPlaneProperties {
  /** Properties given as a JSON object. */
  record Tree(ObjectNode node) implements AuditProperties {
    public Tree {
      requireNonNull(node, "node is null");
    }
  }
}
