package dev.lazurite.server;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Runs of slashes in a path count as one, as Azure's front door treats them: an endpoint written
 * with a trailing slash ({@code AZURE_OPENAI_ENDPOINT="https://…/"}) gives {@code //openai/…}, and
 * az sends {@code //metadata/…}. Such a request is rerouted once with the path collapsed and the
 * same query; every other request goes on untouched.
 */
final class CollapsedSlashes implements Handler {
  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    String raw = req.path().rawPath();
    if (!raw.contains("//")) {
      res.next();
      return;
    }
    res.reroute(collapse(raw), req.query());
  }

  static String collapse(String path) {
    var out = new StringBuilder(path.length());
    char previous = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '/' || previous != '/') {
        out.append(c);
      }
      previous = c;
    }
    return out.toString();
  }
}
