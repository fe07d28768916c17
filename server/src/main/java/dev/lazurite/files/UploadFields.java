package dev.lazurite.files;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The text fields of an upload form: {@code purpose}, and the expiry in any of its three spellings
 * ({@code expires_after[seconds]} as openai-python sends it, {@code expires_after.seconds} as
 * Azure's curl samples do, or bare {@code seconds}; the same for {@code anchor}).
 */
final class UploadFields {
  static final long MIN_EXPIRY_SECONDS = 1_209_600;
  static final long MAX_EXPIRY_SECONDS = 2_592_000;
  private static final String ANCHOR = "created_at";

  private final Map<String, String> fields = new HashMap<>();

  /** Keeps a field; the first value of a name wins. */
  void put(String name, String value) {
    fields.putIfAbsent(name, value);
  }

  /**
   * The purpose, once sent.
   *
   * @throws dev.lazurite.error.ApiException Azure's {@code Invalid value for purpose.} when it is
   *     not one a client may upload
   */
  Optional<FilePurpose> purpose() {
    String value = fields.get("purpose");
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        FilePurpose.fromWire(value.strip())
            .filter(FilePurpose::uploadable)
            .orElseThrow(() -> FileErrors.invalid(FileErrors.INVALID_PURPOSE)));
  }

  /** The purpose of a complete form. */
  FilePurpose requirePurpose() {
    return purpose().orElseThrow(() -> FileErrors.invalid("The 'purpose' field is required."));
  }

  /** The expiry of a complete form, in seconds after creation; empty when it has none. */
  OptionalLong expiresAfterSeconds() {
    Optional<String> seconds = spelled("seconds");
    Optional<String> anchor = spelled("anchor");
    if (seconds.isEmpty() && anchor.isEmpty()) {
      return OptionalLong.empty();
    }
    if (anchor.isEmpty() || !anchor.get().strip().equals(ANCHOR)) {
      throw FileErrors.invalid(
          "Invalid value for expires_after.anchor: it must be '" + ANCHOR + "'.");
    }
    String range =
        "Invalid value for expires_after.seconds: it must be a number of seconds from %d to %d."
            .formatted(MIN_EXPIRY_SECONDS, MAX_EXPIRY_SECONDS);
    if (seconds.isEmpty()) {
      throw FileErrors.invalid(range);
    }
    long value;
    try {
      value = Long.parseLong(seconds.get().strip());
    } catch (NumberFormatException e) {
      throw FileErrors.invalid(range);
    }
    if (value < MIN_EXPIRY_SECONDS || value > MAX_EXPIRY_SECONDS) {
      throw FileErrors.invalid(range);
    }
    return OptionalLong.of(value);
  }

  private Optional<String> spelled(String name) {
    for (String key : List.of("expires_after[" + name + "]", "expires_after." + name, name)) {
      String value = fields.get(key);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
