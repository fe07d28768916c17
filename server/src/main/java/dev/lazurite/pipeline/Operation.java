package dev.lazurite.pipeline;

/** A data-plane operation, with the names Azure uses for it in paths, errors and RBAC. */
public enum Operation {
  CHAT_COMPLETIONS("chat/completions", "ChatCompletions_Create", "chatCompletion", true),
  COMPLETIONS("completions", "Completions_Create", "completion", true),
  EMBEDDINGS("embeddings", "embeddings_create", "embeddings", true),
  LIST_MODELS("models", "Models_List", "models", false);

  private final String path;
  private final String operationId;
  private final String displayName;
  private final boolean needsDeployment;

  Operation(String path, String operationId, String displayName, boolean needsDeployment) {
    this.path = path;
    this.operationId = operationId;
    this.displayName = displayName;
    this.needsDeployment = needsDeployment;
  }

  /** The path suffix after {@code /deployments/{d}/} or {@code /v1/}. */
  public String path() {
    return path;
  }

  public String operationId() {
    return operationId;
  }

  /** The name Azure's OperationNotSupported message uses. */
  public String displayName() {
    return displayName;
  }

  public boolean needsDeployment() {
    return needsDeployment;
  }

  public static Operation fromPath(String path) {
    for (Operation op : values()) {
      if (op.path.equals(path)) {
        return op;
      }
    }
    return null;
  }
}
