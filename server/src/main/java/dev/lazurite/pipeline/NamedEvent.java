package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * A stream payload written with an SSE {@code event:} line before its {@code data:} line, as the
 * Responses API names each event by its type.
 */
public record NamedEvent(String name, Object data) {
  public NamedEvent {
    requireNonNull(name, "name is null");
    requireNonNull(data, "data is null");
    if (name.isEmpty() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an event name is one non-empty line: " + name);
    }
  }
}
