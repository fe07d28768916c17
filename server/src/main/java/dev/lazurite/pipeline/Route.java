package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where a data-plane request was sent: a dated route ({@code /openai/deployments/{d}/op}) whose
 * deployment comes from the path, or a v1 route ({@code /openai/v1/op}) whose deployment is the
 * body's {@code model}.
 *
 * @param apiVersion the {@code api-version} query value, empty string when absent
 */
public record Route(Style style, Operation operation, String pathDeployment, String apiVersion) {
  public enum Style {
    DATED,
    V1
  }

  public Route {
    requireNonNull(style, "style is null");
    requireNonNull(operation, "operation is null");
    requireNonNull(pathDeployment, "pathDeployment is null");
    requireNonNull(apiVersion, "apiVersion is null");
  }

  public Optional<String> deploymentFromPath() {
    return pathDeployment.isEmpty() ? Optional.empty() : Optional.of(pathDeployment);
  }

  /** The path Azure's PermissionDenied message names, with its literal placeholder. */
  public String templatePath() {
    return style == Style.DATED
        ? "/openai/deployments/{deployment-id}/" + operation.path()
        : "/openai/v1/" + operation.path();
  }
}
