package dev.lazurite.api.embeddings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Encodes vectors the way {@code encoding_format} asks. */
public final class Vectors {
  private Vectors() {}

  /** Base64 of the little-endian float32 bytes, as the OpenAI clients decode it. */
  public static String base64(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : vector) {
      buffer.putFloat(v);
    }
    return Base64.getEncoder().encodeToString(buffer.array());
  }

  public static float[] fromBase64(String encoded) {
    ByteBuffer buffer =
        ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
    float[] vector = new float[buffer.remaining() / 4];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = buffer.getFloat();
    }
    return vector;
  }

  /** The float vectors of an embeddings response's {@code data} array. */
  public static List<float[]> fromData(com.fasterxml.jackson.databind.JsonNode data) {
    List<float[]> out = new ArrayList<>(data.size());
    for (var item : data) {
      var values = item.path("embedding");
      float[] vector = new float[values.size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = (float) values.get(i).asDouble();
      }
      out.add(vector);
    }
    return out;
  }
}
