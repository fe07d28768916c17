package dev.lazurite.portal.web;

import static java.util.Objects.requireNonNull;

/** Who may use a portal route: anyone (sign-in, static files), or a principal allowed an action. */
public sealed interface Access {
  /** No session needed: the sign-in form, style sheet and script. */
  record Public() implements Access {}

  /** Any signed-in principal; the page shows only what its role assignments let it see. */
  record SignedIn() implements Access {}

  /**
   * A signed-in principal allowed {@code action} at the route's scope: the resource its path names,
   * else the subscription. The admin credential is allowed everything.
   */
  record Requires(String action) implements Access {
    public Requires {
      requireNonNull(action, "action is null");
    }
  }
}
