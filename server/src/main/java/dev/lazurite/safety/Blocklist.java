package dev.lazurite.safety;

import java.util.List;

/** A custom blocklist: exact terms and regular expressions. */
public record Blocklist(String name, String description, List<Item> items) {
  public Blocklist {
    items = List.copyOf(items);
  }

  /** One entry; {@code pattern} is matched case-insensitively, as a term or a regex. */
  public record Item(String name, String pattern, boolean regex) {}
}
