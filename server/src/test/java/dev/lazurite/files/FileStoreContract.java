package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What every {@link FileStore} does, run against each implementation. */
abstract class FileStoreContract {
  /** A store; each test uses resources of its own, so one store may serve them all. */
  abstract FileStore store();

  private static String resource() {
    return "res" + ThreadLocalRandom.current().nextInt(1_000_000);
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesOpensAndDeletesAContent() throws IOException {
    String resource = resource();
    String id = FileIds.upload(FilePurpose.BATCH);
    assertThat(store().write(resource, id, text("{\"a\":1}\n"), 100)).isEqualTo(8);
    assertThat(read(store().open(resource, id))).isEqualTo("{\"a\":1}\n");
    store().delete(resource, id);
    assertThatThrownBy(() -> store().open(resource, id)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aContentOfExactlyTheLimitIsKeptAndAnEmptyOneToo() throws IOException {
    String resource = resource();
    assertThat(store().write(resource, "file-exact", text("12345"), 5)).isEqualTo(5);
    assertThat(read(store().open(resource, "file-exact"))).isEqualTo("12345");
    assertThat(store().write(resource, "file-empty", InputStream.nullInputStream(), 5)).isZero();
    assertThat(read(store().open(resource, "file-empty"))).isEmpty();
  }

  @Test
  void aContentOverTheLimitLeavesNothing() throws IOException {
    String resource = resource();
    assertThatThrownBy(() -> store().write(resource, "file-small", text("123456"), 5))
        .isInstanceOf(FileTooLargeException.class);
    assertThatThrownBy(() -> store().open(resource, "file-small"))
        .isInstanceOf(NoSuchFileException.class);
    // Over several blocks of a block-wise store.
    long limit = 5L << 20;
    assertThatThrownBy(() -> store().write(resource, "file-big", new Generated(9L << 20), limit))
        .isInstanceOf(FileTooLargeException.class)
        .satisfies(e -> assertThat(((FileTooLargeException) e).limit()).isEqualTo(limit));
    assertThatThrownBy(() -> store().open(resource, "file-big"))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void deletingWhatIsNotThereIsNotAnError() throws IOException {
    store().delete(resource(), "file-never");
    String resource = resource();
    store().write(resource, "file-once", text("x"), 10);
    store().delete(resource, "file-once");
    store().delete(resource, "file-once");
    assertThatThrownBy(() -> store().open(resource(), "file-never"))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aResourceSeesOnlyItsOwnContents() throws IOException {
    String mine = resource();
    String theirs = resource() + "_other";
    store().write(mine, "file-shared-id", text("mine"), 10);
    store().write(theirs, "file-shared-id", text("theirs"), 10);
    assertThat(read(store().open(mine, "file-shared-id"))).isEqualTo("mine");
    assertThat(read(store().open(theirs, "file-shared-id"))).isEqualTo("theirs");
    store().delete(theirs, "file-shared-id");
    assertThat(read(store().open(mine, "file-shared-id"))).isEqualTo("mine");
    assertThatThrownBy(() -> store().open(mine + "x", "file-shared-id"))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void refusesIdsAndResourcesThatCouldNameAPath() {
    String resource = resource();
    for (String bad :
        List.of("../etc", "a/b", "a\\b", "..", ".hidden", "", "a b", "x".repeat(129))) {
      assertThatThrownBy(() -> store().write(resource, bad, text("x"), 10))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store().open(resource, bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store().delete(resource, bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store().write(bad, "file-1", text("x"), 10))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void streamsFiftyMegabytesInAndOut() throws Exception {
    String resource = resource();
    long size = 50L << 20;
    var source = new Generated(size);
    assertThat(store().write(resource, "file-large", source, 200L << 20)).isEqualTo(size);
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    long total = 0;
    try (InputStream in = store().open(resource, "file-large")) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        read.update(buffer, 0, n);
        total += n;
      }
    }
    assertThat(total).isEqualTo(size);
    assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(source.sha256());
    store().delete(resource, "file-large");
  }

  /** Bytes made up as they are read, never held; remembers their hash. */
  static final class Generated extends InputStream {
    private final long size;
    private final MessageDigest digest;
    private long position;

    Generated(long size) {
      this.size = size;
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        long p = position + i;
        b[off + i] = (byte) (p * 31 + (p >>> 11));
      }
      digest.update(b, off, n);
      position += n;
      return n;
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
