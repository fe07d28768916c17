package dev.lazurite.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * A {@code multipart/form-data} body read part by part as it arrives: each part's content is a
 * stream over the request body, never held whole. A body that is not valid multipart reads as
 * {@link Malformed}.
 */
public final class MultipartForm {
  /** The most a text field may hold. */
  public static final int MAX_FIELD_BYTES = 64 * 1024;

  /** The most parts a form may have. */
  public static final int MAX_PARTS = 64;

  private final FileItemInputIterator parts;
  private int count;

  /** The request body could not be read as multipart/form-data. */
  public static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * One part: a text field (no file name) or a file.
   *
   * @param filename present for a file part, as the client sent it
   */
  public record Part(String name, Optional<String> filename, InputStream content) {
    /** The part's content as UTF-8 text, at most {@link #MAX_FIELD_BYTES}. */
    public String text() throws IOException {
      byte[] read = content.readNBytes(MAX_FIELD_BYTES + 1);
      if (read.length > MAX_FIELD_BYTES) {
        throw new Malformed(new IOException("the form field " + name + " is too long"));
      }
      return new String(read, StandardCharsets.UTF_8);
    }
  }

  private MultipartForm(FileItemInputIterator parts) {
    this.parts = parts;
  }

  /**
   * Starts reading a body.
   *
   * @throws Malformed when the content type is not multipart/form-data with a boundary
   */
  public static MultipartForm read(String contentType, InputStream body) throws Malformed {
    if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw new Malformed(new IOException("not multipart/form-data"));
    }
    try {
      return new MultipartForm(new Upload().getItemIterator(new Context(contentType, body)));
    } catch (IOException | RuntimeException e) {
      throw new Malformed(e);
    }
  }

  /** The next part, or empty at the end of the form. */
  public Optional<Part> next() throws Malformed {
    try {
      if (!parts.hasNext()) {
        if (count == 0) {
          throw new Malformed(new IOException("no part: the boundary was not found"));
        }
        return Optional.empty();
      }
      if (++count > MAX_PARTS) {
        throw new Malformed(new IOException("more than " + MAX_PARTS + " parts"));
      }
      FileItemInput item = parts.next();
      return Optional.of(
          new Part(
              item.getFieldName() == null ? "" : item.getFieldName(),
              item.isFormField() ? Optional.empty() : Optional.ofNullable(item.getName()),
              new Guarded(item.getInputStream())));
    } catch (Malformed e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new Malformed(e);
    }
  }

  /** A part's content: any failure to read it is the body's, so it reads as {@link Malformed}. */
  private static final class Guarded extends FilterInputStream {
    private Guarded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException | RuntimeException e) {
        throw new Malformed(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        throw new Malformed(e);
      }
    }
  }

  private record Context(String contentType, InputStream body) implements RequestContext {
    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public InputStream getInputStream() {
      return body;
    }

    @Override
    public boolean isMultipartRelated() {
      return false;
    }
  }

  /**
   * Commons FileUpload over any {@link RequestContext}: the library's own methods serve it, and
   * only its streaming reader ({@code getItemIterator}) is used, so nothing is written to disk.
   */
  private static final class Upload
      extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {
    private Upload() {
      setHeaderCharset(StandardCharsets.UTF_8);
    }
  }
}
