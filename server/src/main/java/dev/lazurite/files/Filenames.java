package dev.lazurite.files;

/**
 * Which names an uploaded file may carry: a plain name of at most 255 characters. A name with a
 * path in it ({@code /}, {@code \}), a {@code ..}, or control characters is refused rather than cut
 * down, so that a file is always listed under the name its client sent.
 */
final class Filenames {
  static final int MAX_LENGTH = 255;

  private Filenames() {}

  /**
   * The name, checked.
   *
   * @throws dev.lazurite.error.ApiException Azure's {@code invalidPayload} when it is not a plain
   *     file name
   */
  static String check(String name) {
    if (name == null || name.isBlank()) {
      throw FileErrors.invalid("The 'file' field must be a file with a file name.");
    }
    if (name.length() > MAX_LENGTH) {
      throw FileErrors.invalid(
          "Invalid filename: a file name may have at most " + MAX_LENGTH + " characters.");
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.contains("..")) {
      throw FileErrors.invalid(
          "Invalid filename: '" + printable(name) + "' must not contain a path or '..'.");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw FileErrors.invalid(
            "Invalid filename: a file name must not contain control characters.");
      }
    }
    return name;
  }

  private static String printable(String name) {
    var out = new StringBuilder(name.length());
    name.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }
}
