package dev.lazurite.network;

/**
 * A listener address bound to one resource (an account's or a search service's private endpoint),
 * and the name clients resolve to it through the resource type's private DNS zone.
 */
public interface PrivateLink {
  /** The resource it is bound to. */
  String resource();

  String name();

  String address();

  int port();

  /** The name clients resolve to {@link #address()}, as Azure's private DNS zone has it. */
  String privateLinkHost();
}
