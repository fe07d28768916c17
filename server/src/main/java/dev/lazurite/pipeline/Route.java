package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Where a data-plane request was sent: the operation, the route style (a dated route such as {@code
 * /openai/deployments/{d}/op}, whose deployment comes from the path, or a v1 route such as {@code
 * /openai/v1/op}, whose deployment is the body's {@code model}), the path ids and the {@code
 * api-version}.
 *
 * @param params the template's path ids, decoded
 * @param apiVersion the {@code api-version} query value, empty string when absent
 */
public record Route(
    Style style, Operation operation, Map<String, String> params, String apiVersion) {
  public enum Style {
    DATED,
    V1
  }

  public Route {
    requireNonNull(style, "style is null");
    requireNonNull(operation, "operation is null");
    params = Map.copyOf(params);
    requireNonNull(apiVersion, "apiVersion is null");
  }

  /** A model call's route; an empty deployment means the v1 form. */
  public static Route modelCall(Operation operation, String deployment, String apiVersion) {
    return deployment.isEmpty()
        ? new Route(Style.V1, operation, Map.of(), apiVersion)
        : new Route(
            Style.DATED, operation, Map.of(RouteTemplate.DEPLOYMENT_ID, deployment), apiVersion);
  }

  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  public Optional<String> deploymentFromPath() {
    return param(RouteTemplate.DEPLOYMENT_ID);
  }

  /** The path Azure's PermissionDenied message names, with its literal placeholder. */
  public String templatePath() {
    return operation.templatePath(style);
  }
}
