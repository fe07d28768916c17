package dev.lazurite.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The style sheet and the script, read once from the jar: no CDN, works air-gapped. */
public final class Assets {
  private Assets() {}

  public static List<PortalRoute> routes() {
    return List.of(
        asset("/portal/static/portal.css", "text/css; charset=utf-8"),
        asset("/portal/static/portal.js", "text/javascript; charset=utf-8"),
        asset("/portal/static/playground.js", "text/javascript; charset=utf-8"));
  }

  private static PortalRoute asset(String path, String contentType) {
    String body = read(path.substring("/portal/static/".length()));
    var reply = new Reply.Asset(contentType, body);
    return PortalRoute.get(path, new Access.Public(), request -> reply);
  }

  private static String read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream("/portal/static/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing portal asset " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
