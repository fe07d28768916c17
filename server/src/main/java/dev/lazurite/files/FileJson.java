package dev.lazurite.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.List;

/** Azure's file object, list and deletion bodies. */
final class FileJson {
  private FileJson() {}

  /** {@code AzureOpenAIFile}: {@code expires_at} only when the file expires. */
  static ObjectNode file(FileObject file) {
    ObjectNode out = Json.WIRE.createObjectNode();
    out.put("id", file.id());
    out.put("object", "file");
    out.put("bytes", file.bytes());
    out.put("created_at", file.createdAt());
    out.put("filename", file.filename());
    out.put("purpose", file.purpose().wire());
    out.put("status", file.status().wire());
    file.expiresAt().ifPresent(at -> out.put("expires_at", at));
    if (file.statusDetails().isPresent()) {
      out.put("status_details", file.statusDetails().get());
    } else {
      out.putNull("status_details");
    }
    return out;
  }

  /** The v1 list shape, which dated clients read too (they ignore the paging fields). */
  static ObjectNode list(List<FileObject> files, boolean hasMore) {
    ObjectNode out = Json.WIRE.createObjectNode();
    out.put("object", "list");
    ArrayNode data = out.putArray("data");
    files.forEach(f -> data.add(file(f)));
    if (files.isEmpty()) {
      out.putNull("first_id");
      out.putNull("last_id");
    } else {
      out.put("first_id", files.getFirst().id());
      out.put("last_id", files.getLast().id());
    }
    out.put("has_more", hasMore);
    return out;
  }

  static ObjectNode deleted(String id) {
    ObjectNode out = Json.WIRE.createObjectNode();
    out.put("object", "file");
    out.put("deleted", true);
    out.put("id", id);
    return out;
  }
}
