package dev.lazurite.portal.web;

import static java.util.Objects.requireNonNull;

import dev.lazurite.portal.session.Session;
import java.util.Map;

/** What a portal handler answers. */
public sealed interface Reply {
  /** A page: a template under {@code portal/} and its parameters; the router adds {@code frame}. */
  record Page(int status, String template, Map<String, Object> params) implements Reply {
    public Page {
      requireNonNull(template, "template is null");
      params = Map.copyOf(params);
    }
  }

  /** 303 See Other, after a form (post/redirect/get) or to a page's canonical place. */
  record Redirect(String location) implements Reply {
    public Redirect {
      requireNonNull(location, "location is null");
    }
  }

  /** A principal signed in: the new session replaces the cookie, then a redirect. */
  record SignedIn(Session session, String location) implements Reply {
    public SignedIn {
      requireNonNull(session, "session is null");
      requireNonNull(location, "location is null");
    }
  }

  /** The session ended: the cookie is removed, then a redirect. */
  record SignedOut(String location) implements Reply {
    public SignedOut {
      requireNonNull(location, "location is null");
    }
  }

  /** A file the portal's pages load: the style sheet, the script. */
  record Asset(String contentType, String body) implements Reply {
    public Asset {
      requireNonNull(contentType, "contentType is null");
      requireNonNull(body, "body is null");
    }
  }

  /**
   * A body written while it is produced (the playground's server-sent events), flushed as it goes;
   * not a page, so the router adds no frame.
   */
  record Streamed(int status, String contentType, Body body) implements Reply {
    public Streamed {
      requireNonNull(contentType, "contentType is null");
      requireNonNull(body, "body is null");
    }
  }

  /** Writes a streamed reply; throws when the client went away. */
  @FunctionalInterface
  interface Body {
    void writeTo(java.io.OutputStream out) throws java.io.IOException;
  }

  static Page page(String template, Map<String, Object> params) {
    return new Page(200, template, params);
  }
}
