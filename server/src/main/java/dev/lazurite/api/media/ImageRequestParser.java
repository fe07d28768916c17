package dev.lazurite.api.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.Fields;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import java.util.List;

/**
 * Validates an image generation body for the deployment's model: DALL-E 3 takes one image at {@code
 * 1024x1024|1792x1024|1024x1792}, {@code standard|hd}, {@code vivid|natural}; gpt-image-1 up to ten
 * at {@code 1024x1024|1536x1024|1024x1536}, {@code low|medium|high}, always as base64, as PNG or
 * JPEG.
 */
public final class ImageRequestParser {
  static final List<String> DALLE_SIZES = List.of("1024x1024", "1792x1024", "1024x1792");
  static final List<String> GPT_IMAGE_SIZES =
      List.of("1024x1024", "1536x1024", "1024x1536", "auto");
  static final List<String> DALLE_QUALITIES = List.of("standard", "hd");
  static final List<String> GPT_IMAGE_QUALITIES = List.of("low", "medium", "high", "auto");
  static final List<String> STYLES = List.of("vivid", "natural");
  static final List<String> FORMATS = List.of("url", "b64_json");
  private static final List<String> FIELDS =
      List.of("model", "prompt", "n", "size", "quality", "style", "response_format", "user");
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
          "moderation");

  private ImageRequestParser() {}

  public static boolean gptImage(ModelSpec model) {
    return model.name().startsWith("gpt-image");
  }

  public static ImageRequest parse(ObjectNode body, ModelSpec model) {
    boolean gpt = gptImage(model);
    Fields.rejectUnknown(body, gpt ? GPT_IMAGE_FIELDS : FIELDS);
    String prompt = promptOnly(body, gpt).prompt();
    int n = Fields.smallInteger(body, "n", "n", 1, gpt ? 10 : 1).orElse(1);
    String size = oneOf(body, "size", gpt ? GPT_IMAGE_SIZES : DALLE_SIZES).orElse("1024x1024");
    if (size.equals("auto")) {
      size = "1024x1024";
    }
    String quality =
        oneOf(body, "quality", gpt ? GPT_IMAGE_QUALITIES : DALLE_QUALITIES)
            .orElse(gpt ? "medium" : "standard");
    if (quality.equals("auto")) {
      quality = "medium";
    }
    String style = gpt ? "" : oneOf(body, "style", STYLES).orElse("vivid");
    List<String> formats = gpt ? List.of("b64_json") : FORMATS;
    boolean base64 =
        gpt || oneOf(body, "response_format", formats).orElse("url").equals("b64_json");
    ImageFormat format = ImageFormat.PNG;
    int compression = 100;
    if (gpt) {
      oneOf(body, "response_format", formats);
      format = outputFormat(body);
      compression = outputCompression(body, format);
      oneOf(body, "moderation", List.of("low", "auto"));
    }
    String user = Fields.string(body, "user", "user").orElse("");
    return new ImageRequest(
        body, prompt, n, size, quality, style, base64, user, format, compression);
  }

  /**
   * gpt-image-1's {@code output_format} ({@code png} or {@code jpeg}; Azure serves no WebP) and
   * {@code background}, which can be transparent only in a PNG.
   */
  static ImageFormat outputFormat(ObjectNode body) {
    ImageFormat format =
        ImageFormat.named(oneOf(body, "output_format", ImageFormat.NAMES).orElse("png"));
    String background =
        oneOf(body, "background", List.of("transparent", "opaque", "auto")).orElse("auto");
    if (background.equals("transparent") && format != ImageFormat.PNG) {
      throw ApiException.invalid(
          "Invalid 'background': a transparent background needs output_format 'png'.",
          "background",
          "invalid_value");
    }
    return format;
  }

  /** {@code output_compression}, 0 to 100; below 100 only for a JPEG. */
  static int outputCompression(ObjectNode body, ImageFormat format) {
    int compression =
        Fields.smallInteger(body, "output_compression", "output_compression", 0, 100).orElse(100);
    if (compression < 100 && format != ImageFormat.JPEG) {
      throw ApiException.invalid(
          "Invalid 'output_compression': compression below 100 needs output_format 'jpeg'.",
          "output_compression",
          "invalid_value");
    }
    return compression;
  }

  /**
   * Only the prompt, checked (required, not blank, at most 32,000 characters for gpt-image and
   * 4,000 for DALL-E), as a one-image request.
   */
  static ImageRequest promptOnly(ObjectNode body, boolean gpt) {
    String prompt = Fields.requiredString(body, "prompt", "prompt");
    int maxPrompt = gpt ? 32_000 : 4_000;
    if (prompt.isBlank()) {
      throw ApiException.invalid(
          "Invalid 'prompt': string too short. Expected a string with minimum length 1, but got"
              + " an empty string instead.",
          "prompt",
          "string_below_min_length");
    }
    if (prompt.length() > maxPrompt) {
      throw ApiException.invalid(
          "Invalid 'prompt': string too long. Expected a string with maximum length %d, but got a string with length %d instead."
              .formatted(maxPrompt, prompt.length()),
          "prompt",
          "string_above_max_length");
    }
    return new ImageRequest(
        body, prompt, 1, "1024x1024", "standard", "", false, "", ImageFormat.PNG, 100);
  }

  static java.util.Optional<String> oneOf(ObjectNode body, String field, List<String> allowed) {
    var value = Fields.string(body, field, field);
    if (value.isPresent() && !allowed.contains(value.get())) {
      throw Fields.invalidValue(field, value.get(), allowed);
    }
    return value;
  }
}
