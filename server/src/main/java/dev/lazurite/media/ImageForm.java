package dev.lazurite.media;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.media.ImageUpload;
import dev.lazurite.error.ApiException;
import dev.lazurite.files.MultipartForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code images/edits} form, read from the whole body: its text fields, its {@code image} files
 * (also sent as {@code image[]}, one part each) and its optional {@code mask}, each a PNG or JPEG
 * (a mask: a PNG) of at most 25 MiB.
 */
record ImageForm(ObjectNode fields, List<ImageUpload> images, Optional<ImageUpload> mask) {
  ImageForm {
    images = List.copyOf(images);
  }

  static ImageForm read(String contentType, byte[] body) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    List<ImageUpload> images = new ArrayList<>();
    Optional<ImageUpload> mask = Optional.empty();
    try {
      MultipartForm form = MultipartForm.read(contentType, new ByteArrayInputStream(body));
      for (var part = form.next(); part.isPresent(); part = form.next()) {
        MultipartForm.Part p = part.get();
        String name = p.name();
        boolean file = name.equals("image") || name.equals("image[]") || name.equals("mask");
        if (file) {
          byte[] read = p.content().readNBytes(AudioForm.MAX_AUDIO + 1);
          if (read.length > AudioForm.MAX_AUDIO) {
            throw AudioForm.tooLarge(body.length);
          }
          ImageUpload upload = ImageUpload.read(name, p.filename().orElse("image.png"), read);
          if (name.equals("mask")) {
            mask = Optional.of(upload);
          } else {
            images.add(upload);
          }
        } else if (p.filename().isPresent()) {
          throw ApiException.invalid("Unrecognized file argument supplied: " + name, name, null);
        } else {
          fields.put(name, p.text());
        }
      }
    } catch (IOException e) {
      throw ApiException.invalid(
          "The request body is not valid multipart/form-data.", null, "invalid_request_error");
    }
    return new ImageForm(fields, images, mask);
  }
}
