package dev.lazurite.rbac;

import dev.lazurite.auth.Principal;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.util.function.Supplier;

/**
 * Checks that a token caller holds the operation's data action at the account, or at the deployment
 * it names, through its own role assignments or its groups'. An API key already grants the data
 * plane of its own account. A missing data action is Azure's 401 PermissionDenied.
 */
public final class AuthorizationStage implements Stage {
  private static final String OPENAI = "Microsoft.CognitiveServices/accounts/OpenAI/";

  private final Supplier<RuntimeSnapshot> snapshot;

  public AuthorizationStage(Supplier<RuntimeSnapshot> snapshot) {
    this.snapshot = snapshot;
  }

  public static String dataAction(Operation operation) {
    return OPENAI
        + switch (operation) {
          case CHAT_COMPLETIONS -> "deployments/chat/completions/action";
          case COMPLETIONS -> "deployments/completions/action";
          case EMBEDDINGS -> "deployments/embeddings/action";
          case LIST_MODELS -> "models/read";
          case FILES_UPLOAD -> "files/write";
          case FILES_LIST, FILES_GET, FILES_CONTENT -> "files/read";
          case FILES_DELETE -> "files/delete";
          case BATCHES_CREATE -> "batch-jobs/write";
          case BATCHES_LIST, BATCHES_GET -> "batches/read";
          case BATCHES_CANCEL -> "batches/cancel/action";
          case RESPONSES_CREATE, RESPONSES_CANCEL -> "responses/write";
          case RESPONSES_GET, RESPONSES_INPUT_ITEMS, RESPONSES_INPUT_TOKENS -> "responses/read";
          case RESPONSES_DELETE -> "responses/delete";
          // Azure's roles grant image edits with image generations.
          case IMAGES_GENERATIONS, IMAGES_EDITS -> "images/generations/action";
          case AUDIO_TRANSCRIPTIONS, AUDIO_TRANSLATIONS, AUDIO_SPEECH -> "deployments/audio/action";
        };
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    return switch (exchange.principal()) {
      case Principal.ApiKey ignored -> chain.proceed(exchange);
      case Principal.Internal ignored -> chain.proceed(exchange);
      case Principal.Entra entra -> {
        Route route = exchange.route();
        String resource = exchange.account().account().armId();
        String deployment = deploymentName(exchange);
        if (!deployment.isEmpty()) {
          resource += "/deployments/" + deployment;
        }
        String action = dataAction(route.operation());
        if (!Permissions.allowsDataAction(
            snapshot.get().roleAssignments(), entra.assignees(), resource, action)) {
          throw ApiException.of(
              ErrorCode.PERMISSION_DENIED,
              entra.objectId(),
              action,
              route.operation().method(),
              route.templatePath());
        }
        yield chain.proceed(exchange);
      }
    };
  }

  private static String deploymentName(Exchange exchange) {
    return exchange
        .route()
        .deploymentFromPath()
        .orElseGet(
            () -> {
              if (!exchange.route().operation().namesDeployment()) {
                return "";
              }
              var model = exchange.jsonBody().get("model");
              return model != null && model.isTextual() ? model.asText() : "";
            });
  }
}
