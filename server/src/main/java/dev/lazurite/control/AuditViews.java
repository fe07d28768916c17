package dev.lazurite.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.network.ResourceEndpoints;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ARM bodies of the control plane's resources as the audit log compares them before and after a
 * change: accounts, deployments, private endpoints and backends, by ARM id. Keys are never part of
 * these bodies; the audit log removes any other secret-named field itself.
 */
public final class AuditViews {
  /** Endpoints are not audited: one fixed base keeps them out of every difference. */
  private static final ResourceEndpoints ENDPOINTS =
      new ResourceEndpoints(URI.create("http://audit.invalid/"), Optional.empty());

  private final ControlPlane control;

  public AuditViews(ControlPlane control) {
    this.control = control;
  }

  /** Every resource's body, by lower-cased ARM id. */
  public Map<String, ObjectNode> all() {
    Map<String, ObjectNode> views = new LinkedHashMap<>();
    for (Account account : control.accounts()) {
      put(views, ArmViews.account(account, ENDPOINTS));
      for (var deployment : control.deployments(account)) {
        put(views, ArmViews.deployment(account, deployment));
      }
      for (var endpoint : control.privateEndpoints(account)) {
        put(views, ArmViews.privateEndpoint(account, endpoint));
      }
      for (var backend : control.backends(account)) {
        put(views, ArmViews.backend(account, backend));
      }
    }
    return views;
  }

  /** The body of the resource with this ARM id, if it exists. */
  public Optional<ObjectNode> of(String resourceId) {
    return Optional.ofNullable(all().get(resourceId.toLowerCase(Locale.ROOT)));
  }

  private static void put(Map<String, ObjectNode> views, ObjectNode view) {
    views.put(view.path("id").asText().toLowerCase(Locale.ROOT), view);
  }
}
