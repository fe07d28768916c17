package dev.lazurite.portal.web;

import static java.util.Objects.requireNonNull;

import dev.lazurite.control.event.ChangeOrigin;
import dev.lazurite.portal.session.Session;
import java.util.Map;
import java.util.Optional;

/**
 * A checked portal request, as handlers see it.
 *
 * @param path the route's path parameters
 * @param form the fields of a submitted form (empty for GET)
 * @param access what this principal may do, for showing only the actions it is allowed
 * @param origin who changes the control plane, and from where (audited)
 */
public record PortalRequest(
    Session session,
    Map<String, String> path,
    Map<String, String> form,
    Map<String, String> query,
    PortalAccess.Bound access,
    ChangeOrigin origin) {
  public PortalRequest {
    requireNonNull(session, "session is null");
    path = Map.copyOf(path);
    form = Map.copyOf(form);
    query = Map.copyOf(query);
    requireNonNull(access, "access is null");
    requireNonNull(origin, "origin is null");
  }

  public String path(String name) {
    String value = path.get(name);
    if (value == null) {
      throw new IllegalStateException("no path parameter " + name);
    }
    return value;
  }

  /** A form field, trimmed; empty when absent or blank. */
  public Optional<String> field(String name) {
    return Optional.ofNullable(form.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
