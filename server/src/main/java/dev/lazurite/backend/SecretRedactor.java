package dev.lazurite.backend;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the secrets a backend sends upstream (its API key, its Entra client secret, the access
 * token it holds) from text the upstream sent back, before that text reaches a client or a log
 * line: some upstreams echo the key they received in an error. Each secret is replaced by {@link
 * #MASK} as sent and as escaped inside a JSON string.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} characters are not treated as secrets (a local server
 * that takes any key, such as {@code ollama}): masking them would mangle ordinary text.
 */
public final class SecretRedactor {
  public static final String MASK = "[REDACTED]";
  public static final int MIN_LENGTH = 8;
  public static final SecretRedactor NONE = new SecretRedactor(List.of());

  private final List<String> forms;
  private final List<byte[]> bytes;

  private SecretRedactor(List<String> forms) {
    this.forms = List.copyOf(forms);
    this.bytes = this.forms.stream().map(f -> f.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** A redactor for these secrets; empty and short values are ignored. */
  public static SecretRedactor of(Iterable<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_LENGTH) {
        forms.add(secret);
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
      }
    }
    // Longest first, so a secret that contains another is masked whole.
    List<String> ordered = new ArrayList<>(forms);
    ordered.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return new SecretRedactor(ordered);
  }

  public String redact(String text) {
    String result = text;
    for (String form : forms) {
      if (result.contains(form)) {
        result = result.replace(form, MASK);
      }
    }
    return result;
  }

  /** The body unchanged (the same array) unless it holds a secret. */
  public byte[] redact(byte[] body) {
    for (byte[] form : bytes) {
      if (contains(body, form)) {
        return redact(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
    }
    return body;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    byte first = needle[0];
    int last = haystack.length - needle.length;
    for (int i = 0; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      int j = 1;
      while (j < needle.length && haystack[i + j] == needle[j]) {
        j++;
      }
      if (j == needle.length) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "SecretRedactor[" + forms.size() + " forms]";
  }
}
