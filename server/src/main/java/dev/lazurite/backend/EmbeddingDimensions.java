package dev.lazurite.backend;

import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;

/** The service's check of {@code dimensions}: only text-embedding-3 models can shorten vectors. */
public final class EmbeddingDimensions {
  private EmbeddingDimensions() {}

  /** The length the response vectors must have. */
  public static int resolve(EmbeddingRequest request, ModelSpec model) {
    if (request.dimensions().isEmpty()) {
      return model.dimensions();
    }
    int asked = request.dimensions().getAsInt();
    if (!model.acceptsDimensions()) {
      if (asked == model.dimensions()) {
        return asked;
      }
      throw ApiException.invalid(
          "This model does not support specifying dimensions.", "dimensions", null);
    }
    if (asked > model.dimensions()) {
      throw ApiException.invalid(
          ("Invalid 'dimensions': integer above maximum value. Expected a value <= %d, but got %d"
                  + " instead.")
              .formatted(model.dimensions(), asked),
          "dimensions",
          "integer_above_max_value");
    }
    return asked;
  }
}
