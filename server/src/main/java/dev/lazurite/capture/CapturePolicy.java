package dev.lazurite.capture;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a deployment's request and response bodies are captured (Azure's {@code RequestResponse}
 * diagnostic category), how much of each is kept, for how long, and which text is redacted on top
 * of the built-in rules (API keys, bearer tokens, email addresses, card numbers). Capture is off
 * unless a policy turns it on.
 *
 * @param maxBytes each body is cut to this many UTF-8 bytes, and the capture marked truncated
 * @param retentionDays captures are deleted this many days after they were taken
 * @param redact the operator's regular expressions; every match is replaced
 */
public record CapturePolicy(boolean enabled, int maxBytes, int retentionDays, List<String> redact) {
  public static final int DEFAULT_MAX_BYTES = 64 * 1024;
  public static final int MAX_MAX_BYTES = 1024 * 1024;
  public static final int DEFAULT_RETENTION_DAYS = 30;
  public static final int MAX_RETENTION_DAYS = 3650;
  public static final int MAX_PATTERNS = 32;
  public static final int MAX_PATTERN_LENGTH = 512;

  /** What a deployment without a policy has: nothing captured. */
  public static final CapturePolicy OFF =
      new CapturePolicy(false, DEFAULT_MAX_BYTES, DEFAULT_RETENTION_DAYS, List.of());

  public CapturePolicy {
    requireNonNull(redact, "redact is null");
    redact = List.copyOf(redact);
    if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
      throw new IllegalArgumentException(
          "maxBytes must be 1.." + MAX_MAX_BYTES + ", got " + maxBytes + ".");
    }
    if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
      throw new IllegalArgumentException(
          "retentionDays must be 1.." + MAX_RETENTION_DAYS + ", got " + retentionDays + ".");
    }
    if (redact.size() > MAX_PATTERNS) {
      throw new IllegalArgumentException(
          "redact takes at most " + MAX_PATTERNS + " patterns, got " + redact.size() + ".");
    }
    for (String pattern : redact) {
      if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
        throw new IllegalArgumentException(
            "each redact pattern must be 1.." + MAX_PATTERN_LENGTH + " characters long.");
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "redact pattern '"
                + pattern
                + "' is not a valid regular expression: "
                + e.getDescription()
                + ".");
      }
    }
  }
}
