package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Locale;

/**
 * Where uploaded files' contents are kept.
 *
 * @param storage the local data directory, or a Blob Storage account
 */
public record FilesConfig(Storage storage) {
  public static final FilesConfig DEFAULT = new FilesConfig(new Storage.Local());

  public FilesConfig {
    requireNonNull(storage, "storage is null");
  }

  /** Where contents live; never prints an account key. */
  public sealed interface Storage {
    /** The {@code files} folder in the data directory. */
    record Local() implements Storage {}

    /** A Blob Storage account reached with a connection string (which may hold a key). */
    record ConnectionString(String value) implements Storage {
      public ConnectionString {
        requireNonNull(value, "value is null");
      }

      /** The account's Blob endpoint, which holds no secret. */
      public String endpoint() {
        String protocol = "https";
        String account = "";
        String suffix = "core.windows.net";
        for (String part : value.split(";")) {
          int eq = part.indexOf('=');
          if (eq <= 0) {
            continue;
          }
          String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
          String v = part.substring(eq + 1).strip();
          switch (key) {
            case "blobendpoint" -> {
              return v;
            }
            case "defaultendpointsprotocol" -> protocol = v;
            case "accountname" -> account = v;
            case "endpointsuffix" -> suffix = v;
            default -> {}
          }
        }
        return protocol + "://" + account + ".blob." + suffix;
      }

      @Override
      public String toString() {
        return "ConnectionString[" + endpoint() + "]";
      }
    }

    /** A Blob Storage endpoint reached with the server's managed identity. */
    record ManagedIdentity(URI endpoint) implements Storage {
      public ManagedIdentity {
        requireNonNull(endpoint, "endpoint is null");
      }
    }

    /**
     * {@code local}, a connection string ({@code DefaultEndpointsProtocol=…} or {@code
     * BlobEndpoint=…}), or an {@code https://} Blob endpoint for managed identity.
     *
     * @throws IllegalArgumentException naming the setting but not repeating the value, which may
     *     hold a key
     */
    static Storage parse(String text) {
      String value = text.strip();
      String lower = value.toLowerCase(Locale.ROOT);
      if (lower.equals("local")) {
        return new Local();
      }
      if (lower.startsWith("defaultendpointsprotocol=")
          || lower.startsWith("blobendpoint=")
          || lower.startsWith("accountname=")) {
        return new ConnectionString(value);
      }
      if (lower.startsWith("https://")) {
        try {
          URI uri = URI.create(value);
          if (uri.getHost() != null && uri.getUserInfo() == null && uri.getQuery() == null) {
            return new ManagedIdentity(uri);
          }
        } catch (IllegalArgumentException e) {
          // Refused below.
        }
      }
      throw new IllegalArgumentException(
          "fileStorage (or LAZURITE_FILE_STORAGE) must be local, a Blob Storage connection string"
              + " (DefaultEndpointsProtocol=… or BlobEndpoint=…) or an https:// Blob endpoint for"
              + " managed identity");
    }
  }

  /** Reads the {@code fileStorage} setting. */
  public static FilesConfig parse(String text) {
    return new FilesConfig(Storage.parse(text));
  }
}
