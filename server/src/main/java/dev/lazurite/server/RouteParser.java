package dev.lazurite.server;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.RouteTemplate;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a method and path under {@code /openai/} to a data-plane route, from the operation registry.
 * As Azure does, runs of slashes count as one ({@code https://host//openai/…}, what an endpoint
 * with a trailing slash gives) and each segment is percent-decoded once. Anything else, including a
 * known path with the wrong method or a malformed escape, is Azure's 404 "Resource not found"; the
 * Assistants API's paths say that it is retired and point to Responses.
 */
final class RouteParser {
  private static final String PREFIX = "openai";

  private RouteParser() {}

  static Route parse(String method, String rawPath, String apiVersion) {
    List<String> segments = segments(rawPath).orElseThrow(RouteParser::notFound);
    if (segments.isEmpty() || !segments.getFirst().equals(PREFIX)) {
      throw notFound();
    }
    List<String> rest = segments.subList(1, segments.size());
    for (Operation operation : Operation.values()) {
      if (!operation.method().equals(method)) {
        continue;
      }
      for (RouteTemplate template : operation.routes()) {
        Optional<Map<String, String>> params = template.match(rest);
        if (params.isPresent()) {
          return new Route(template.style(), operation, params.get(), apiVersion);
        }
      }
    }
    throw assistants(rest) ? ApiException.of(ErrorCode.ASSISTANTS_RETIRED) : notFound();
  }

  /** Whether a path is one of the Assistants API's, which Azure retires on 2026-08-26. */
  private static boolean assistants(List<String> rest) {
    List<String> path =
        !rest.isEmpty() && rest.getFirst().equals("v1") ? rest.subList(1, rest.size()) : rest;
    return !path.isEmpty()
        && (path.getFirst().equals("assistants") || path.getFirst().equals("threads"));
  }

  /**
   * The decoded segments of a path, runs of slashes counted as one; a trailing slash leaves an
   * empty last segment (no route has one). Empty when an escape is malformed.
   */
  static Optional<List<String>> segments(String rawPath) {
    List<String> out = new ArrayList<>(6);
    int n = rawPath.length();
    int start = 0;
    while (start < n) {
      int slash = rawPath.indexOf('/', start);
      int end = slash < 0 ? n : slash;
      if (end > start) {
        Optional<String> segment = decode(rawPath, start, end);
        if (segment.isEmpty()) {
          return Optional.empty();
        }
        out.add(segment.get());
      }
      start = end + 1;
    }
    if (n > 1 && rawPath.charAt(n - 1) == '/') {
      out.add("");
    }
    return Optional.of(out);
  }

  private static Optional<String> decode(String s, int from, int to) {
    int percent = s.indexOf('%', from);
    if (percent < 0 || percent >= to) {
      return Optional.of(s.substring(from, to));
    }
    var bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= to) {
        return Optional.empty();
      }
      int hi = Character.digit(s.charAt(i + 1), 16);
      int lo = Character.digit(s.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        return Optional.empty();
      }
      bytes.write(hi * 16 + lo);
      i += 2;
    }
    return Optional.of(bytes.toString(StandardCharsets.UTF_8));
  }

  private static ApiException notFound() {
    return ApiException.of(ErrorCode.RESOURCE_NOT_FOUND);
  }
}
