package dev.lazurite.version;

import dev.lazurite.api.ApiVersion;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;

/**
 * Dated routes need a known {@code api-version} that has the operation (chat arrived in
 * 2023-03-15-preview, files in 2024-05-01-preview and the GA 2024-10-21); v1 routes accept none,
 * {@code v1}, {@code latest}, {@code preview} or a dated version. Anything else is Azure's 404
 * "Resource not found".
 */
public final class ApiVersionStage implements Stage {
  @Override
  public Response handle(Exchange exchange, Chain chain) {
    Route route = exchange.route();
    String version = route.apiVersion();
    boolean known =
        switch (route.style()) {
          case DATED ->
              ResponsesVersions.covers(route.operation())
                  ? ResponsesVersions.accepts(version)
                  : ApiVersion.isKnownDated(version) && hasOperation(version, route.operation());
          case V1 ->
              version.isEmpty()
                  || ApiVersion.V1_ALIASES.contains(version)
                  || ApiVersion.isKnownDated(version);
        };
    if (!known) {
      throw ApiException.of(ErrorCode.RESOURCE_NOT_FOUND);
    }
    return chain.proceed(exchange);
  }

  private static boolean hasOperation(String version, Operation operation) {
    return switch (operation) {
      case CHAT_COMPLETIONS -> ApiVersion.dateOf(version).compareTo(ApiVersion.CHAT_SINCE) >= 0;
      case BATCHES_CREATE, BATCHES_LIST, BATCHES_GET, BATCHES_CANCEL ->
          ApiVersion.dateOf(version).compareTo(ApiVersion.BATCH_SINCE) >= 0;
      case COMPLETIONS, EMBEDDINGS, LIST_MODELS -> true;
      case FILES_UPLOAD, FILES_LIST, FILES_GET, FILES_DELETE, FILES_CONTENT -> hasFiles(version);
      case RESPONSES_CREATE,
          RESPONSES_INPUT_TOKENS,
          RESPONSES_GET,
          RESPONSES_DELETE,
          RESPONSES_INPUT_ITEMS,
          RESPONSES_CANCEL ->
          ResponsesVersions.accepts(version);
      case IMAGES_GENERATIONS -> since(version, IMAGES_SINCE);
      case IMAGES_EDITS -> since(version, IMAGE_EDITS_SINCE);
      case AUDIO_TRANSCRIPTIONS, AUDIO_TRANSLATIONS -> since(version, AUDIO_SINCE);
      case AUDIO_SPEECH -> since(version, SPEECH_SINCE);
    };
  }

  /** DALL-E 3 arrived in 2023-12-01-preview, Whisper in 2023-09-01-preview, tts in 2024-02-15. */
  private static final String IMAGES_SINCE = "2023-12-01";

  private static final String AUDIO_SINCE = "2023-09-01";

  /** Image edits (gpt-image-1) arrived in 2025-04-01-preview. */
  private static final String IMAGE_EDITS_SINCE = "2025-04-01";

  private static final String SPEECH_SINCE = "2024-02-15";

  private static boolean since(String version, String date) {
    return ApiVersion.dateOf(version).compareTo(date) >= 0;
  }

  /** Files on dated routes: the GA 2024-10-21 and previews from 2024-05-01-preview. */
  private static boolean hasFiles(String version) {
    return version.equals(FILES_GA)
        || (ApiVersion.PREVIEW.contains(version)
            && ApiVersion.dateOf(version).compareTo(FILES_PREVIEW_SINCE) >= 0);
  }

  private static final String FILES_GA = "2024-10-21";
  private static final String FILES_PREVIEW_SINCE = "2024-05-01";

  /** The feature date of a route: every feature on v1, the version's date on dated routes. */
  public static String featureDate(Route route) {
    return route.style() == Route.Style.V1
        ? ApiVersion.V1_DATE
        : ApiVersion.dateOf(route.apiVersion());
  }
}
