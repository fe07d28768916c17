package dev.lazurite.api.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.Fields;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * Validates an {@code images/edits} form for the deployment's model: gpt-image-1 edits one to 16
 * PNG or JPEG images into up to ten images at {@code 1024x1024|1536x1024|1024x1536} ({@code auto}:
 * the first image's size when it is one of them), {@code low|medium|high}, always as base64,
 * returned as PNG or JPEG; DALL-E 2 edits one square PNG of at most 4 MB into up to ten images at
 * {@code 256x256|512x512|1024x1024}, as {@code url} or {@code b64_json}. A mask must be a PNG of
 * the first image's size. DALL-E 3 does not edit images.
 */
public final class ImageEditParser {
  static final int MAX_IMAGES = 16;
  static final int DALLE2_MAX_BYTES = 4 * 1024 * 1024;
  static final List<String> DALLE2_SIZES = List.of("256x256", "512x512", "1024x1024");
  private static final List<String> GPT_IMAGE_FIELDS =
      List.of(
          "model",
          "prompt",
          "n",
          "size",
          "quality",
          "response_format",
          "user",
          "background",
          "output_format",
          "output_compression",
          "input_fidelity");
  private static final List<String> DALLE2_FIELDS =
      List.of("model", "prompt", "n", "size", "response_format", "user");

  private ImageEditParser() {}

  /**
   * @param form the form's text fields, as strings
   * @param images the form's {@code image} (or {@code image[]}) files, in order
   */
  public static ImageRequest parse(
      ObjectNode form, List<ImageUpload> images, Optional<ImageUpload> mask, ModelSpec model) {
    boolean gpt = ImageRequestParser.gptImage(model);
    if (!gpt && !model.name().equals("dall-e-2")) {
      throw ApiException.of(ErrorCode.OPERATION_NOT_SUPPORTED, "imageEdit", model.name());
    }
    ObjectNode body = numbers(form, "n", "output_compression");
    Fields.rejectUnknown(body, gpt ? GPT_IMAGE_FIELDS : DALLE2_FIELDS);
    if (images.isEmpty()) {
      throw ApiException.invalid(
          "Missing required parameter: 'image'.", "image", "missing_required_parameter");
    }
    int most = gpt ? MAX_IMAGES : 1;
    if (images.size() > most) {
      throw ApiException.invalid(
          "Invalid 'image': expected at most %d images, but got %d.".formatted(most, images.size()),
          "image",
          "invalid_value");
    }
    ImageUpload first = images.getFirst();
    if (!gpt) {
      if (first.format() != ImageFormat.PNG
          || first.bytes().length > DALLE2_MAX_BYTES
          || first.width() != first.height()) {
        throw ApiException.invalid(
            "Invalid 'image': DALL-E 2 edits a square PNG of less than 4 MB.",
            "image",
            "invalid_image");
      }
    }
    if (mask.isPresent() && !mask.get().size().equals(first.size())) {
      throw ApiException.invalid(
          "Invalid 'mask': the mask must be the size of the image (%s), but it is %s."
              .formatted(first.size(), mask.get().size()),
          "mask",
          "invalid_image_dimensions");
    }
    ImageRequest prompt = ImageRequestParser.promptOnly(body, gpt);
    int n = Fields.smallInteger(body, "n", "n", 1, 10).orElse(1);
    List<String> sizes = gpt ? ImageRequestParser.GPT_IMAGE_SIZES : DALLE2_SIZES;
    String size = ImageRequestParser.oneOf(body, "size", sizes).orElse(gpt ? "auto" : "1024x1024");
    if (size.equals("auto")) {
      size = sizes.contains(first.size()) ? first.size() : "1024x1024";
    }
    String quality = "standard";
    boolean base64 = true;
    ImageFormat format = ImageFormat.PNG;
    int compression = 100;
    if (gpt) {
      quality =
          ImageRequestParser.oneOf(body, "quality", ImageRequestParser.GPT_IMAGE_QUALITIES)
              .orElse("medium");
      if (quality.equals("auto")) {
        quality = "medium";
      }
      ImageRequestParser.oneOf(body, "response_format", List.of("b64_json"));
      format = ImageRequestParser.outputFormat(body);
      compression = ImageRequestParser.outputCompression(body, format);
      ImageRequestParser.oneOf(body, "input_fidelity", List.of("low", "high"));
    } else {
      base64 =
          ImageRequestParser.oneOf(body, "response_format", ImageRequestParser.FORMATS)
              .orElse("url")
              .equals("b64_json");
    }
    String user = Fields.string(body, "user", "user").orElse("");
    return new ImageRequest(
        body,
        prompt.prompt(),
        n,
        size,
        quality,
        "",
        base64,
        user,
        images,
        mask,
        format,
        compression);
  }

  /** A form's integer fields as numbers (a field that is not an integer stays text: a 400). */
  private static ObjectNode numbers(ObjectNode form, String... fields) {
    ObjectNode body = form.deepCopy();
    for (String field : fields) {
      JsonNode value = body.get(field);
      if (value != null && value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
        body.put(field, Integer.parseInt(value.asText()));
      }
    }
    return body;
  }
}
