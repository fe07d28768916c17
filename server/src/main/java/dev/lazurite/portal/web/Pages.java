package dev.lazurite.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the portal's templates, compiled to classes at build time (nothing is compiled at run
 * time). Output is HTML-escaped unless a template says otherwise.
 */
public final class Pages {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders {@code portal/<name>.jte} with {@code frame} added to its parameters. */
  public String render(String name, Frame frame, Map<String, Object> params) {
    var all = new HashMap<String, Object>(params);
    all.put("frame", frame);
    var out = new StringOutput(8192);
    engine.render("portal/" + name + ".jte", all, out);
    return out.toString();
  }
}
