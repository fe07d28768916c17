package dev.lazurite.deployment;

import dev.lazurite.api.Fields;
import dev.lazurite.catalog.ModelKind;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.DeploymentRuntime;

/**
 * Resolves the deployment a request names (the path on dated routes, the body's {@code model} on
 * v1) in the caller's account, and checks that its model can do the operation.
 */
public final class DeploymentStage implements Stage {
  @Override
  public Response handle(Exchange exchange, Chain chain) {
    Operation operation = exchange.route().operation();
    String name =
        exchange
            .route()
            .deploymentFromPath()
            .orElseGet(() -> Fields.requiredString(exchange.jsonBody(), "model", "model"));
    DeploymentRuntime deployment =
        exchange
            .account()
            .deployment(name)
            .orElseThrow(() -> ApiException.of(ErrorCode.DEPLOYMENT_NOT_FOUND));
    ModelKind needed =
        switch (operation) {
          case CHAT_COMPLETIONS, RESPONSES_CREATE, RESPONSES_INPUT_TOKENS -> ModelKind.CHAT;
          case COMPLETIONS -> ModelKind.COMPLETIONS;
          case EMBEDDINGS -> ModelKind.EMBEDDINGS;
          case IMAGES_GENERATIONS, IMAGES_EDITS -> ModelKind.IMAGES;
          case AUDIO_TRANSCRIPTIONS, AUDIO_TRANSLATIONS -> ModelKind.TRANSCRIPTION;
          case AUDIO_SPEECH -> ModelKind.SPEECH;
          case LIST_MODELS,
              FILES_UPLOAD,
              FILES_LIST,
              FILES_GET,
              FILES_DELETE,
              FILES_CONTENT,
              BATCHES_CREATE,
              BATCHES_LIST,
              BATCHES_GET,
              BATCHES_CANCEL,
              RESPONSES_GET,
              RESPONSES_DELETE,
              RESPONSES_INPUT_ITEMS,
              RESPONSES_CANCEL ->
              throw new IllegalStateException("not a model call: " + operation);
        };
    if (!deployment.model().supports(needed)) {
      throw ApiException.of(
          ErrorCode.OPERATION_NOT_SUPPORTED,
          operation.displayName(),
          deployment.deployment().model().name());
    }
    return chain.proceed(exchange.withDeployment(deployment));
  }
}
