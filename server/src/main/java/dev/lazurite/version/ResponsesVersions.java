package dev.lazurite.version;

import dev.lazurite.api.ApiVersion;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Operation;
import java.util.regex.Pattern;

/**
 * The api-versions of the Responses API on dated routes: {@code 2025-03-01-preview} and every later
 * preview (including ones this server does not list), and the {@code preview} alias. An older dated
 * version is Azure's fixed 400; anything that is not a version at all is its 404.
 */
final class ResponsesVersions {
  private static final String SINCE = "2025-03-01";
  private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

  private ResponsesVersions() {}

  static boolean covers(Operation operation) {
    return switch (operation) {
      case RESPONSES_CREATE,
          RESPONSES_INPUT_TOKENS,
          RESPONSES_GET,
          RESPONSES_DELETE,
          RESPONSES_INPUT_ITEMS,
          RESPONSES_CANCEL ->
          true;
      case CHAT_COMPLETIONS,
          COMPLETIONS,
          EMBEDDINGS,
          LIST_MODELS,
          FILES_UPLOAD,
          FILES_LIST,
          FILES_GET,
          FILES_DELETE,
          FILES_CONTENT,
          BATCHES_CREATE,
          BATCHES_LIST,
          BATCHES_GET,
          BATCHES_CANCEL,
          IMAGES_GENERATIONS,
          IMAGES_EDITS,
          AUDIO_TRANSCRIPTIONS,
          AUDIO_TRANSLATIONS,
          AUDIO_SPEECH ->
          false;
    };
  }

  /**
   * True for a version that has the Responses API; throws Azure's 400 for a dated version before
   * it; false for anything else.
   */
  static boolean accepts(String version) {
    if (version.equals("preview")) {
      return true;
    }
    if (!DATED.matcher(version).matches()) {
      return false;
    }
    if (version.endsWith("-preview") && ApiVersion.dateOf(version).compareTo(SINCE) >= 0) {
      return true;
    }
    throw ApiException.of(ErrorCode.RESPONSES_API_VERSION);
  }
}
