package dev.lazurite.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * One JSON value held as the UTF-8 bytes it arrived in (an upstream's answer passed through). The
 * data plane writes the bytes as they are ({@link Json#writeWire}); anything else that serializes
 * it, such as a conversion to a tree, reads them as JSON. Whoever makes one has checked that the
 * bytes are a single well-formed JSON value; the array is never changed after.
 */
public final class RawJson implements JsonSerializable {
  private final byte[] bytes;

  /** What was read from the bytes when they were checked, if they are an answer; else null. */
  private final AnswerOutline outline;

  public RawJson(byte[] bytes) {
    this.bytes = requireNonNull(bytes, "bytes is null");
    this.outline = null;
  }

  /** An answer's bytes with what their one reading found, so that nothing reads them again. */
  public RawJson(byte[] bytes, AnswerOutline outline) {
    this.bytes = requireNonNull(bytes, "bytes is null");
    this.outline = requireNonNull(outline, "outline is null");
  }

  /** The outline of the bytes, when they were read as an answer. */
  public java.util.Optional<AnswerOutline> outline() {
    return java.util.Optional.ofNullable(outline);
  }

  /** The value's bytes; callers must not change them. */
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
      parser.nextToken();
      gen.copyCurrentStructure(parser);
    }
  }

  @Override
  public void serializeWithType(
      JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  @Override
  public String toString() {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
