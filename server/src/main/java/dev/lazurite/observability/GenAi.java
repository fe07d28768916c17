package dev.lazurite.observability;

import java.util.Optional;

/** The OpenTelemetry GenAI semantic conventions' names, as Lazurite reports them. */
final class GenAi {
  static final String OPERATION = "gen_ai.operation.name";
  static final String PROVIDER = "gen_ai.provider.name";
  static final String REQUEST_MODEL = "gen_ai.request.model";
  static final String TOKEN_TYPE = "gen_ai.token.type";
  static final String ERROR_TYPE = "error.type";

  /** Azure OpenAI's provider name in the conventions. */
  static final String AZURE_OPENAI = "azure.ai.openai";

  private GenAi() {}

  /** The convention's operation name of a model call, by Azure's operation id. */
  static Optional<String> operation(String operationId) {
    return switch (operationId) {
      case "ChatCompletions_Create" -> Optional.of("chat");
      case "Completions_Create" -> Optional.of("text_completion");
      case "embeddings_create" -> Optional.of("embeddings");
      default -> Optional.empty();
    };
  }

  /** {@code error.type}: the status of a failed request; empty (no label) for a success. */
  static String errorType(int status) {
    return status >= 400 ? Integer.toString(status) : "";
  }
}
