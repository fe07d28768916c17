package dev.lazurite.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifestTest {
  @Test
  void readsWhatItStores() {
    var manifest = new Manifest("ab12", 36);
    assertThat(manifest.stored()).isEqualTo("ab12/36");
    assertThat(Manifest.parse(manifest.stored())).contains(manifest);
  }

  @Test
  void aHashWithoutAChunkCountIsNoManifest() {
    assertThat(Manifest.parse("ab12")).isEmpty();
    assertThat(Manifest.parse(null)).isEmpty();
    assertThat(Manifest.parse("")).isEmpty();
    assertThat(Manifest.parse("ab12/zero")).isEmpty();
    assertThat(Manifest.parse("ab12/0")).isEmpty();
    assertThat(Manifest.parse("/3")).isEmpty();
  }
}
