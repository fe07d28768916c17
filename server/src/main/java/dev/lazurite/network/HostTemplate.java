package dev.lazurite.network;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host name per resource, such as {@code {name}.openai.example.internal}: the first label is the
 * resource's name, the rest is a domain that wildcard DNS and a wildcard certificate cover.
 *
 * @param suffix the domain after the name's label, lower case, with its leading dot
 */
public record HostTemplate(String suffix) {
  public static final String PLACEHOLDER = "{name}";
  private static final Pattern DOMAIN =
      Pattern.compile("^(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");
  private static final Pattern LABEL = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,63}$");

  public HostTemplate {
    requireNonNull(suffix, "suffix is null");
    if (!DOMAIN.matcher(suffix).matches() || suffix.indexOf('.', 1) < 0) {
      throw new IllegalArgumentException(
          "a host template's domain must be a DNS name of at least two labels, got '"
              + suffix.substring(Math.min(1, suffix.length()))
              + "'");
    }
  }

  /**
   * Reads {@code {name}.domain}; the placeholder must be the whole first label.
   *
   * @throws IllegalArgumentException for any other shape
   */
  public static HostTemplate parse(String template) {
    String t = template.strip().toLowerCase(Locale.ROOT);
    if (!t.startsWith(PLACEHOLDER + ".") || t.indexOf(PLACEHOLDER, 1) >= 0) {
      throw new IllegalArgumentException(
          "an endpoint host template must look like '{name}.openai.example.internal', got '"
              + template
              + "'");
    }
    return new HostTemplate(t.substring(PLACEHOLDER.length()));
  }

  /** The host name of a resource. */
  public String host(String resource) {
    return resource.toLowerCase(Locale.ROOT) + suffix;
  }

  /** The name a {@code Host} header (with or without a port) gives, if it is of this template. */
  public Optional<String> resource(String hostHeader) {
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && !host.endsWith("]")) {
      host = host.substring(0, colon);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!host.endsWith(suffix)) {
      return Optional.empty();
    }
    String label = host.substring(0, host.length() - suffix.length());
    return LABEL.matcher(label).matches() && label.indexOf('.') < 0
        ? Optional.of(label)
        : Optional.empty();
  }

  /** The certificate name that covers every resource's host: {@code *.domain}. */
  public String wildcard() {
    return "*" + suffix;
  }
}
