package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One path an operation answers under {@code /openai/}: literal segments and ids in braces, e.g.
 * {@code deployments/{deployment-id}/chat/completions} or {@code files/{file-id}/content}.
 */
public record RouteTemplate(Route.Style style, String pattern, List<String> segments) {
  /** The path parameter that names a deployment on dated model-call routes. */
  public static final String DEPLOYMENT_ID = "deployment-id";

  /** The path parameter that names a file. */
  public static final String FILE_ID = "file-id";

  /** The path parameter that names a stored response. */
  public static final String RESPONSE_ID = "response-id";

  public RouteTemplate {
    requireNonNull(style, "style is null");
    requireNonNull(pattern, "pattern is null");
    if (pattern.isEmpty() || pattern.startsWith("/") || pattern.endsWith("/")) {
      throw new IllegalArgumentException(
          "pattern must be relative without end slashes: " + pattern);
    }
    segments = List.copyOf(segments);
    if (!segments.equals(List.of(pattern.split("/")))) {
      throw new IllegalArgumentException("segments must be the pattern's: " + pattern);
    }
  }

  /** Splits the pattern once, so that matching a request splits nothing. */
  public RouteTemplate(Route.Style style, String pattern) {
    this(style, pattern, List.of(requireNonNull(pattern, "pattern is null").split("/")));
  }

  /** A model call's two routes: per deployment (dated) and v1 with the model in the body. */
  static List<RouteTemplate> modelCall(String path) {
    return List.of(
        new RouteTemplate(Route.Style.DATED, "deployments/{" + DEPLOYMENT_ID + "}/" + path),
        new RouteTemplate(Route.Style.V1, "v1/" + path));
  }

  /** A resource-level operation's two routes: dated and under {@code v1/}. */
  static List<RouteTemplate> resource(String path) {
    return List.of(
        new RouteTemplate(Route.Style.DATED, path),
        new RouteTemplate(Route.Style.V1, "v1/" + path));
  }

  /**
   * The path parameters when {@code segments} (decoded, after {@code /openai/}) fit this template;
   * empty when they do not. A parameter matches any non-empty segment.
   */
  public Optional<Map<String, String>> match(List<String> path) {
    List<String> template = segments;
    if (template.size() != path.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>(2);
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      String p = path.get(i);
      if (t.startsWith("{") && t.endsWith("}")) {
        if (p.isEmpty()) {
          return Optional.empty();
        }
        params.put(t.substring(1, t.length() - 1), p);
      } else if (!t.equals(p)) {
        return Optional.empty();
      }
    }
    return Optional.of(Map.copyOf(params));
  }
}
