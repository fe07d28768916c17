package dev.lazurite.portal.web;

import static java.util.Objects.requireNonNull;

/**
 * What every page's layout shows: who is signed in, the CSRF token its forms carry, and which areas
 * of the menu the principal may open.
 */
public record Frame(String user, String csrf, boolean signedIn) {
  public Frame {
    requireNonNull(user, "user is null");
    requireNonNull(csrf, "csrf is null");
  }
}
