package dev.lazurite.backend;

/** The kinds of model backend a deployment can name. */
public enum BackendKind {
  SIMULATOR("simulator"),
  EMBEDDED("embedded"),
  OPENAI_COMPATIBLE("openai-compatible"),
  /** A deployment on a real Azure OpenAI resource. */
  AZURE("azure"),
  /** api.openai.com, or anything at another URL with its shape. */
  OPENAI("openai"),
  /** Anthropic's Messages API (api.anthropic.com, or a server with its shape), translated. */
  ANTHROPIC("anthropic");

  private final String wireName;

  BackendKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether requests leave the process for an upstream server. */
  public boolean upstream() {
    return this == OPENAI_COMPATIBLE || this == AZURE || this == OPENAI || this == ANTHROPIC;
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
