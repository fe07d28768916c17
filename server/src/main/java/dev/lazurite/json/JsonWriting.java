package dev.lazurite.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writing JSON on the hot path without the costs of a mapper call per value: bytes built in
 * Jackson's recycled buffers, and trees written node by node (a mapper's {@code writeTree} makes a
 * serializer provider each time).
 */
public final class JsonWriting {
  private JsonWriting() {}

  /** What writes one document. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator out) throws IOException;
  }

  /** The bytes {@code body} writes, with the data-plane mapper's generator. */
  public static byte[] bytes(Body body) {
    BufferRecycler recycler = Json.WIRE.getFactory()._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator out = Json.WIRE.createGenerator(bytes)) {
        body.write(out);
      }
      return bytes.getClearAndRelease();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      recycler.releaseToPool();
    }
  }

  /** Writes a tree as a mapper would, node by node. */
  public static void tree(JsonGenerator out, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          out.writeFieldName(field.getKey());
          tree(out, field.getValue());
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (int i = 0; i < node.size(); i++) {
          tree(out, node.get(i));
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL -> out.writeNull();
      case NUMBER -> number(out, node);
      case BINARY, POJO, MISSING -> Json.MAPPER.writeTree(out, node);
    }
  }

  private static void number(JsonGenerator out, JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT -> out.writeNumber(node.intValue());
      case LONG -> out.writeNumber(node.longValue());
      case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
      case FLOAT -> out.writeNumber(node.floatValue());
      case DOUBLE -> out.writeNumber(node.doubleValue());
      case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
    }
  }
}
