package dev.lazurite.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.control.event.ControlEventListener;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Audits each committed control-plane change: its ARM operation, who made it from where, and the
 * properties it changed, before and after (secrets removed; keys are never in these bodies). The
 * "before" of a resource is its body as this auditor last saw it: every resource's body is read at
 * start, and each change's body is kept for the next.
 */
public final class ControlAuditor implements ControlEventListener {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final AuditWriter writer;
  private final Function<String, Optional<ObjectNode>> views;
  private final Clock clock;
  private final Map<String, ObjectNode> seen = new ConcurrentHashMap<>();

  /**
   * @param all every resource's body by lower-cased ARM id, read once at start
   * @param views the body of one resource now
   */
  public ControlAuditor(
      AuditWriter writer,
      Supplier<Map<String, ObjectNode>> all,
      Function<String, Optional<ObjectNode>> views,
      Clock clock) {
    this.writer = writer;
    this.views = views;
    this.clock = clock;
    all.get().forEach((id, view) -> seen.put(id, clean(view)));
  }

  @Override
  public void changed(ControlEvent event) {
    String key = event.resourceId().toLowerCase(Locale.ROOT);
    Map<String, JsonNode> before = flatten(Optional.ofNullable(seen.get(key)));
    Optional<ObjectNode> now =
        event.operation() == ControlEvent.Operation.DELETE
            ? Optional.empty()
            : views.apply(event.resourceId()).map(ControlAuditor::clean);
    now.ifPresentOrElse(v -> seen.put(key, v), () -> seen.remove(key));
    Map<String, JsonNode> after = flatten(now);
    ObjectNode properties = NODES.objectNode();
    properties.put("kind", "controlPlane");
    properties.put("operation", event.operation().name());
    ObjectNode was = properties.putObject("before");
    ObjectNode is = properties.putObject("after");
    var keys = new java.util.TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String k : keys) {
      JsonNode b = before.get(k);
      JsonNode a = after.get(k);
      if (b == null ? a != null : !b.equals(a)) {
        if (b != null) {
          was.set(k, b);
        }
        if (a != null) {
          is.set(k, a);
        }
      }
    }
    writer.record(
        new AuditEntry(
            event.at(),
            AuditEntry.AUDIT,
            event.resourceId(),
            operationName(event),
            "Succeeded",
            0,
            event.clientAddress(),
            "",
            event.principalId(),
            "",
            properties));
  }

  private static ObjectNode clean(ObjectNode view) {
    return (ObjectNode) Redaction.clean(view);
  }

  /** A body's audited fields: its top-level ones, and each of its properties as properties.x. */
  private static Map<String, JsonNode> flatten(Optional<ObjectNode> view) {
    Map<String, JsonNode> fields = new TreeMap<>();
    view.ifPresent(
        v ->
            v.properties()
                .forEach(
                    e -> {
                      switch (e.getKey()) {
                        case "id", "etag", "systemData" -> {}
                        case "properties" ->
                            e.getValue()
                                .properties()
                                .forEach(p -> fields.put("properties." + p.getKey(), p.getValue()));
                        default -> fields.put(e.getKey(), e.getValue());
                      }
                    }));
    fields.keySet().removeIf(k -> k.startsWith("properties.endpoint"));
    return fields;
  }

  /**
   * ARM's operation name: the resource type after {@code /providers/} with {@code /write}, {@code
   * /delete} or {@code /action}; for the identity directory, its path's collection names.
   */
  static String operationName(ControlEvent event) {
    String id = event.resourceId();
    int providers = id.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
    String[] segments =
        (providers >= 0 ? id.substring(providers + "/providers/".length()) : id)
            .replaceAll("^/+", "")
            .split("/");
    StringBuilder type = new StringBuilder();
    int start = providers >= 0 ? 1 : 0;
    if (providers >= 0) {
      type.append(segments[0]);
    }
    for (int i = start; i < segments.length; i += 2) {
      if (!type.isEmpty()) {
        type.append('/');
      }
      type.append(segments[i]);
    }
    String verb =
        switch (event.operation()) {
          case CREATE, UPDATE -> "write";
          case DELETE -> "delete";
          case ACTION -> "action";
        };
    return type + "/" + verb;
  }
}
