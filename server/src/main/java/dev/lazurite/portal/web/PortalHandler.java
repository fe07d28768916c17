package dev.lazurite.portal.web;

/**
 * A portal page or form action. It runs only after the router has checked the session, the CSRF
 * token of a form and the route's RBAC action; it may throw {@link dev.lazurite.error.ApiException}
 * for a refusal of the control plane, which the router shows.
 */
@FunctionalInterface
public interface PortalHandler {
  Reply handle(PortalRequest request);
}
