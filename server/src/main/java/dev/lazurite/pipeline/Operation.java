package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The registry of data-plane operations: each declares its routes (dated and v1, with path ids in
 * braces), its method, its body, the family whose stage list serves it, and the names Azure uses
 * for it in errors and RBAC. Adding an operation here is all the router needs; its family decides
 * which stages see it.
 */
public enum Operation {
  CHAT_COMPLETIONS(
      Family.MODEL_CALL,
      "POST",
      BodyKind.JSON,
      RouteTemplate.modelCall("chat/completions"),
      "ChatCompletions_Create",
      "chatCompletion"),
  COMPLETIONS(
      Family.MODEL_CALL,
      "POST",
      BodyKind.JSON,
      RouteTemplate.modelCall("completions"),
      "Completions_Create",
      "completion"),
  EMBEDDINGS(
      Family.MODEL_CALL,
      "POST",
      BodyKind.JSON,
      RouteTemplate.modelCall("embeddings"),
      "embeddings_create",
      "embeddings"),
  LIST_MODELS(
      Family.CATALOG_CALL,
      "GET",
      BodyKind.NONE,
      List.of(
          new RouteTemplate(Route.Style.DATED, "models"),
          new RouteTemplate(Route.Style.V1, "v1/models")),
      "Models_List",
      "models"),
  FILES_UPLOAD(
      Family.RESOURCE_CALL,
      "POST",
      BodyKind.MULTIPART,
      RouteTemplate.resource("files"),
      "Files_Upload",
      "files"),
  FILES_LIST(
      Family.RESOURCE_CALL,
      "GET",
      BodyKind.NONE,
      RouteTemplate.resource("files"),
      "Files_List",
      "files"),
  FILES_GET(
      Family.RESOURCE_CALL,
      "GET",
      BodyKind.NONE,
      RouteTemplate.resource("files/{" + RouteTemplate.FILE_ID + "}"),
      "Files_Get",
      "files"),
  FILES_DELETE(
      Family.RESOURCE_CALL,
      "DELETE",
      BodyKind.NONE,
      RouteTemplate.resource("files/{" + RouteTemplate.FILE_ID + "}"),
      "Files_Delete",
      "files"),
  FILES_CONTENT(
      Family.RESOURCE_CALL,
      "GET",
      BodyKind.NONE,
      RouteTemplate.resource("files/{" + RouteTemplate.FILE_ID + "}/content"),
      "Files_GetContent",
      "files"),
  BATCHES_CREATE(
      Family.RESOURCE_CALL,
      "POST",
      BodyKind.JSON,
      List.of(
          new RouteTemplate(Route.Style.DATED, "batches"),
          // openai-node's AzureOpenAI({deployment}) sends batch creation under the deployment.
          new RouteTemplate(
              Route.Style.DATED, "deployments/{" + RouteTemplate.DEPLOYMENT_ID + "}/batches"),
          new RouteTemplate(Route.Style.V1, "v1/batches")),
      "Batch_Create",
      "batch"),
  BATCHES_LIST(
      Family.RESOURCE_CALL,
      "GET",
      BodyKind.NONE,
      List.of(
          new RouteTemplate(Route.Style.DATED, "batches"),
          new RouteTemplate(Route.Style.V1, "v1/batches")),
      "Batch_List",
      "batches"),
  BATCHES_GET(
      Family.RESOURCE_CALL,
      "GET",
      BodyKind.NONE,
      List.of(
          new RouteTemplate(Route.Style.DATED, "batches/{batch-id}"),
          new RouteTemplate(Route.Style.V1, "v1/batches/{batch-id}")),
      "Batch_Get",
      "batch"),
  BATCHES_CANCEL(
      Family.RESOURCE_CALL,
      "POST",
      BodyKind.NONE,
      List.of(
          new RouteTemplate(Route.Style.DATED, "batches/{batch-id}/cancel"),
          new RouteTemplate(Route.Style.V1, "v1/batches/{batch-id}/cancel")),
      "Batch_Cancel",
      "batch"),
  RESPONSES_CREATE(
      Family.MODEL_CALL,
      "POST",
      BodyKind.JSON,
      List.of(
          new RouteTemplate(Route.Style.DATED, "responses"),
          // openai-java in Azure (legacy) mode sends the model as a deployment path segment.
          new RouteTemplate(
              Route.Style.DATED, "deployments/{" + RouteTemplate.DEPLOYMENT_ID + "}/responses"),
          new RouteTemplate(Route.Style.V1, "v1/responses")),
      "Responses_Create",
      "responses"),
  RESPONSES_INPUT_TOKENS(
      Family.MODEL_CALL,
      "POST",
      BodyKind.JSON,
      List.of(
          new RouteTemplate(Route.Style.DATED, "responses/input_tokens"),
          // openai-java in Azure (legacy) mode sends the model as a deployment path segment.
          new RouteTemplate(
              Route.Style.DATED,
              "deployments/{" + RouteTemplate.DEPLOYMENT_ID + "}/responses/input_tokens"),
          new RouteTemplate(Route.Style.V1, "v1/responses/input_tokens")),
      "Responses_InputTokens",
      "responses"),
  RESPONSES_GET(
      Family.RESOURCE_CALL,
      "GET",
      BodyKind.NONE,
      RouteTemplate.resource("responses/{" + RouteTemplate.RESPONSE_ID + "}"),
      "Responses_Get",
      "responses"),
  RESPONSES_DELETE(
      Family.RESOURCE_CALL,
      "DELETE",
      BodyKind.NONE,
      RouteTemplate.resource("responses/{" + RouteTemplate.RESPONSE_ID + "}"),
      "Responses_Delete",
      "responses"),
  RESPONSES_INPUT_ITEMS(
      Family.RESOURCE_CALL,
      "GET",
      BodyKind.NONE,
      RouteTemplate.resource("responses/{" + RouteTemplate.RESPONSE_ID + "}/input_items"),
      "Responses_ListInputItems",
      "responses"),
  RESPONSES_CANCEL(
      Family.RESOURCE_CALL,
      "POST",
      BodyKind.NONE,
      RouteTemplate.resource("responses/{" + RouteTemplate.RESPONSE_ID + "}/cancel"),
      "Responses_Cancel",
      "responses"),
  IMAGES_GENERATIONS(
      Family.MEDIA_CALL,
      "POST",
      BodyKind.JSON,
      RouteTemplate.modelCall("images/generations"),
      "ImageGenerations_Create",
      "imageGeneration"),
  IMAGES_EDITS(
      Family.MEDIA_CALL,
      "POST",
      BodyKind.MULTIPART,
      RouteTemplate.modelCall("images/edits"),
      "ImageEdits_Create",
      "imageEdit"),
  AUDIO_TRANSCRIPTIONS(
      Family.MEDIA_CALL,
      "POST",
      BodyKind.MULTIPART,
      RouteTemplate.modelCall("audio/transcriptions"),
      "Transcriptions_Create",
      "audioTranscription"),
  AUDIO_TRANSLATIONS(
      Family.MEDIA_CALL,
      "POST",
      BodyKind.MULTIPART,
      RouteTemplate.modelCall("audio/translations"),
      "Translations_Create",
      "audioTranslation"),
  AUDIO_SPEECH(
      Family.MEDIA_CALL,
      "POST",
      BodyKind.JSON,
      RouteTemplate.modelCall("audio/speech"),
      "Speech_Create",
      "audioSpeech");

  /** Which stage list serves an operation. */
  public enum Family {
    /** A call to a deployment's model: quota, content filter, retrieval and routing apply. */
    MODEL_CALL,
    /** A listing answered from the catalog and the account's deployments. */
    CATALOG_CALL,
    /**
     * A call on one of the resource's own objects (files, batches): network rules, auth, the
     * api-version and RBAC apply, then the operation's own stage answers.
     */
    RESOURCE_CALL,
    /**
     * A call to an image or audio model: network rules, auth, the api-version, RBAC, the deployment
     * and its budget apply, then the media stage filters, meters in Azure's units (images, audio
     * seconds, characters) and calls the backend.
     */
    MEDIA_CALL
  }

  /** What an operation's request body is. */
  public enum BodyKind {
    JSON,
    MULTIPART,
    NONE
  }

  private final Family family;
  private final String method;
  private final BodyKind body;
  private final List<RouteTemplate> routes;
  private final String operationId;
  private final String displayName;

  Operation(
      Family family,
      String method,
      BodyKind body,
      List<RouteTemplate> routes,
      String operationId,
      String displayName) {
    this.family = requireNonNull(family);
    this.method = requireNonNull(method);
    this.body = requireNonNull(body);
    this.routes = List.copyOf(routes);
    this.operationId = requireNonNull(operationId);
    this.displayName = requireNonNull(displayName);
  }

  public Family family() {
    return family;
  }

  public String method() {
    return method;
  }

  public BodyKind body() {
    return body;
  }

  /** The path templates under {@code /openai/}, one per route style the operation has. */
  public List<RouteTemplate> routes() {
    return routes;
  }

  /** Whether the request names a deployment: in the path on dated routes, as the body's model. */
  public boolean namesDeployment() {
    return family == Family.MODEL_CALL || family == Family.MEDIA_CALL;
  }

  public String operationId() {
    return operationId;
  }

  /** The name Azure's OperationNotSupported message uses. */
  public String displayName() {
    return displayName;
  }

  /** The template of a style, as Azure's PermissionDenied message names the path. */
  public String templatePath(Route.Style style) {
    for (RouteTemplate route : routes) {
      if (route.style() == style) {
        return "/openai/" + route.pattern();
      }
    }
    throw new IllegalArgumentException(this + " has no " + style + " route");
  }
}
