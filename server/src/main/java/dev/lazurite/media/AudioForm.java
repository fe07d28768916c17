package dev.lazurite.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.files.MultipartForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * An audio upload's form, read from the whole body: its text fields (a field sent twice is an
 * array, as {@code timestamp_granularities[]} is) and its {@code file} part.
 *
 * @param filename the file part's name, empty when the form has no file
 */
record AudioForm(ObjectNode fields, Optional<String> filename, byte[] audio) {
  /** Azure's upload limit for audio: 25 MiB. */
  static final int MAX_AUDIO = 26_214_400;

  static AudioForm read(String contentType, byte[] body) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    Optional<String> filename = Optional.empty();
    byte[] audio = new byte[0];
    try {
      MultipartForm form = MultipartForm.read(contentType, new ByteArrayInputStream(body));
      for (var part = form.next(); part.isPresent(); part = form.next()) {
        MultipartForm.Part p = part.get();
        // Clients that send bytes without a name (openai-java's file(byte[])) still mean the file.
        if (p.filename().isPresent() || p.name().equals("file")) {
          if (!p.name().equals("file")) {
            throw ApiException.invalid(
                "Unrecognized file argument supplied: " + p.name(), p.name(), null);
          }
          byte[] read = p.content().readNBytes(MAX_AUDIO + 1);
          if (read.length > MAX_AUDIO) {
            throw tooLarge(body.length);
          }
          filename = Optional.of(p.filename().filter(name -> !name.isEmpty()).orElse("file"));
          audio = read;
        } else {
          add(fields, p.name(), p.text());
        }
      }
    } catch (IOException e) {
      throw ApiException.invalid(
          "The request body is not valid multipart/form-data.", null, "invalid_request_error");
    }
    return new AudioForm(fields, filename, audio);
  }

  /** The simulator's and Azure's 413 for an upload over the limit. */
  static ApiException tooLarge(long read) {
    return ApiException.of(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "Maximum content size limit (%d) exceeded (%d bytes read)".formatted(MAX_AUDIO, read));
  }

  private static void add(ObjectNode fields, String name, String value) {
    JsonNode existing = fields.get(name);
    if (existing == null) {
      fields.put(name, value);
    } else if (existing instanceof ArrayNode array) {
      array.add(value);
    } else {
      fields.putArray(name).add(existing).add(value);
    }
  }
}
