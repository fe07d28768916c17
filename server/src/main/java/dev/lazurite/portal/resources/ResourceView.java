package dev.lazurite.portal.resources;

/**
 * A resource as the pages show it.
 *
 * @param endpoint the URL clients call it at
 * @param keysDisabled when true, only Entra tokens are accepted
 */
public record ResourceView(
    String group,
    String name,
    String location,
    String kind,
    String endpoint,
    boolean keysDisabled) {
  /** The resource's page. */
  public String href() {
    return "/portal/resources/" + group + "/" + name;
  }
}
