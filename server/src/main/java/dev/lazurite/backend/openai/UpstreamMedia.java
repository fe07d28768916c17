package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.media.ImageRequest;
import dev.lazurite.api.media.ImageUpload;
import dev.lazurite.api.media.MediaRequest;
import dev.lazurite.api.media.SpeechRequest;
import dev.lazurite.api.media.TranscriptionRequest;
import dev.lazurite.backend.MediaBackend.JsonAnswer;
import dev.lazurite.backend.MediaBackend.MediaAnswer;
import dev.lazurite.backend.MediaBackend.RawAnswer;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.JsonWriting;
import java.io.IOException;
import java.util.Map;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Images and audio forwarded to an upstream's routes of the same name ({@code images/generations},
 * {@code images/edits} as a form, {@code audio/speech}, {@code audio/transcriptions}, {@code
 * audio/translations}) with the upstream model name; the answer passes through, JSON or bytes,
 * after the target's redactor.
 */
final class UpstreamMedia {
  /** What one forwarded call needs from its backend. */
  interface Sender {
    UpstreamHttp.Response send(String path, HttpEntity body) throws IOException;

    SecretRedactor redactor();

    String model(ModelSpec model);
  }

  private UpstreamMedia() {}

  static MediaAnswer call(Sender sender, MediaRequest request, ModelSpec model) {
    String upstreamModel = sender.model(model);
    String path =
        switch (request) {
          case ImageRequest image -> image.edit() ? "images/edits" : "images/generations";
          case SpeechRequest ignored -> "audio/speech";
          case TranscriptionRequest t ->
              t.translation() ? "audio/translations" : "audio/transcriptions";
        };
    HttpEntity body =
        switch (request) {
          case ImageRequest image ->
              image.edit() ? editForm(image, upstreamModel) : json(image.raw(), upstreamModel);
          case SpeechRequest speech -> json(speech.raw(), upstreamModel);
          case TranscriptionRequest t -> form(t, upstreamModel);
        };
    int status;
    byte[] bytes;
    String contentType;
    String retryAfter;
    try (UpstreamHttp.Response response = sender.send(path, body)) {
      status = response.status();
      contentType = response.header("Content-Type");
      retryAfter = response.header("Retry-After");
      bytes = response.bytes();
    } catch (IOException e) {
      throw UpstreamErrors.unreachable(e);
    }
    boolean binary = request instanceof SpeechRequest && status < 400;
    byte[] answer = binary ? bytes : sender.redactor().redact(bytes);
    if (status >= 400) {
      throw UpstreamErrors.map(status, answer, retryAfter);
    }
    if (binary || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      return new RawAnswer(
          contentType.isEmpty() ? "application/octet-stream" : contentType, answer);
    }
    try {
      JsonNode parsed = dev.lazurite.json.Json.parse(answer);
      if (parsed instanceof ObjectNode object) {
        return new JsonAnswer(object);
      }
    } catch (IOException e) {
      // fall through
    }
    throw UpstreamErrors.malformed();
  }

  private static HttpEntity json(ObjectNode raw, String model) {
    byte[] body =
        JsonWriting.bytes(
            json -> {
              json.writeStartObject();
              for (Map.Entry<String, JsonNode> field : raw.properties()) {
                if (!field.getKey().equals("model")) {
                  json.writeFieldName(field.getKey());
                  JsonWriting.tree(json, field.getValue());
                }
              }
              json.writeStringField("model", model);
              json.writeEndObject();
            });
    return new ByteArrayEntity(body, ContentType.APPLICATION_JSON);
  }

  /** An edit as the client sent it: its images (one part each), its mask and its text fields. */
  private static HttpEntity editForm(ImageRequest request, String model) {
    MultipartEntityBuilder form = MultipartEntityBuilder.create();
    String field = request.images().size() > 1 ? "image[]" : "image";
    for (var image : request.images()) {
      form.addBinaryBody(field, image.bytes(), contentType(image), image.filename());
    }
    request
        .mask()
        .ifPresent(
            mask -> form.addBinaryBody("mask", mask.bytes(), contentType(mask), mask.filename()));
    addFields(form, request.raw(), model);
    return form.build();
  }

  private static ContentType contentType(ImageUpload upload) {
    return switch (upload.format()) {
      case PNG -> ContentType.IMAGE_PNG;
      case JPEG -> ContentType.IMAGE_JPEG;
    };
  }

  private static void addFields(MultipartEntityBuilder form, ObjectNode raw, String model) {
    form.addTextBody("model", model);
    ContentType text = ContentType.TEXT_PLAIN.withCharset(java.nio.charset.StandardCharsets.UTF_8);
    for (Map.Entry<String, JsonNode> field : raw.properties()) {
      if (field.getKey().equals("model")) {
        continue;
      }
      JsonNode value = field.getValue();
      for (JsonNode each : value.isArray() ? value : java.util.List.of(value)) {
        form.addTextBody(field.getKey(), each.asText(), text);
      }
    }
  }

  private static HttpEntity form(TranscriptionRequest request, String model) {
    MultipartEntityBuilder form = MultipartEntityBuilder.create();
    form.addBinaryBody(
        "file", request.audio(), ContentType.APPLICATION_OCTET_STREAM, request.filename());
    addFields(form, request.raw(), model);
    return form.build();
  }
}
