package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.media.MediaRequest;
import dev.lazurite.catalog.ModelSpec;

/**
 * A backend that also serves image and audio models. Backends without it answer such deployments
 * with Azure's OperationNotSupported. Thread-safe like {@link Backend}; failures are {@link
 * dev.lazurite.error.ApiException}s.
 */
public interface MediaBackend {
  /** What a media call produced. */
  sealed interface MediaAnswer permits JsonAnswer, RawAnswer {}

  /** A JSON body: images, or a transcript in a JSON format. */
  record JsonAnswer(ObjectNode body) implements MediaAnswer {
    public JsonAnswer {
      requireNonNull(body, "body is null");
    }
  }

  /** Bytes of a media type: speech audio, or a transcript as text, SRT or WebVTT. */
  record RawAnswer(String contentType, byte[] bytes) implements MediaAnswer {
    public RawAnswer {
      requireNonNull(contentType, "contentType is null");
      requireNonNull(bytes, "bytes is null");
    }
  }

  MediaAnswer media(MediaRequest request, ModelSpec model);
}
