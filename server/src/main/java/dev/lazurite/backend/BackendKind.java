package dev.lazurite.backend;

/** The kinds of model backend a deployment can name. */
public enum BackendKind {
  SIMULATOR("simulator"),
  EMBEDDED("embedded"),
  OPENAI_COMPATIBLE("openai-compatible");

  private final String wireName;

  BackendKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static BackendKind fromWireName(String name) {
    for (BackendKind kind : values()) {
      if (kind.wireName.equalsIgnoreCase(name)) {
        return kind;
      }
    }
    return null;
  }
}
