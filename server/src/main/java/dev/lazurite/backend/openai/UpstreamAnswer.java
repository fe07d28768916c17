package dev.lazurite.backend.openai;

import dev.lazurite.error.ApiException;
import dev.lazurite.json.AnswerOutline;
import dev.lazurite.json.RawJson;
import java.io.IOException;

/**
 * An upstream's complete answer, passed through as the bytes it arrived in: one read ({@link
 * AnswerOutline}) checks that it is a single JSON object and takes its {@code usage} counts (with
 * {@code prompt_tokens_details.cached_tokens}) and what the completion filter needs, without
 * building a tree; the filter finds that outline with the bytes and does not read them again.
 *
 * @param body the answer, redacted
 */
record UpstreamAnswer(RawJson body, int promptTokens, int completionTokens, int cachedTokens) {
  /**
   * @throws ApiException the upstream error Azure answers when the body is not one JSON object
   */
  static UpstreamAnswer read(byte[] body) {
    AnswerOutline outline;
    try {
      outline = AnswerOutline.read(body);
    } catch (IOException e) {
      throw UpstreamErrors.malformed();
    }
    AnswerOutline.Usage usage = outline.usage();
    return new UpstreamAnswer(
        new RawJson(body, outline),
        usage.promptTokens(),
        usage.completionTokens(),
        Math.max(0, usage.cachedTokens()));
  }
}
