package dev.lazurite.safety;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A custom blocklist compiled: exact terms match whole words, case-insensitively; regexes as is.
 */
public final class BlocklistMatcher {
  private final String name;
  private final boolean blocking;
  private final List<Pattern> patterns;

  BlocklistMatcher(Blocklist blocklist, boolean blocking) {
    this.name = blocklist.name();
    this.blocking = blocking;
    this.patterns =
        blocklist.items().stream()
            .map(
                i ->
                    Pattern.compile(
                        i.regex()
                            ? i.pattern()
                            : "(?<![\\p{L}\\p{N}])"
                                + Pattern.quote(i.pattern().toLowerCase(Locale.ROOT))
                                + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();
  }

  public String name() {
    return name;
  }

  public boolean blocking() {
    return blocking;
  }

  public boolean matches(String text) {
    return patterns.stream().anyMatch(p -> p.matcher(text).find());
  }
}
