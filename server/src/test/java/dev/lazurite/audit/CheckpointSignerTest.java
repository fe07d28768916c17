package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.store.SharedSecrets;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints are signed with a key stored as the JDK encodes it, and checked by anyone with the
 * public key: a signature made here verifies with the JDK's own Ed25519, and one the JDK made
 * verifies here.
 */
class CheckpointSignerTest {
  private static final String HASH = "ab".repeat(32);
  private static final String TIME = "2026-12-07T10:00:00Z";

  /** Shared secrets in memory: the first value asked for is kept. */
  private static SharedSecrets secrets(Map<String, String> kept) {
    return new SharedSecrets() {
      @Override
      public String getOrCreate(String name, Supplier<String> fresh) {
        return kept.computeIfAbsent(name, n -> fresh.get());
      }

      @Override
      public String update(String name, UnaryOperator<String> change) {
        return kept.compute(name, (n, v) -> change.apply(v));
      }
    };
  }

  @Test
  void aCheckpointSignedHereVerifiesWithTheJdk() throws Exception {
    Map<String, String> kept = new HashMap<>();
    CheckpointSigner signer = CheckpointSigner.shared(secrets(kept));
    Checkpoint c = signer.sign("s1", 1000, HASH, TIME);

    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(
        KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(signer.publicKey()))));
    jdk.update(c.signedText().getBytes(StandardCharsets.UTF_8));
    assertThat(jdk.verify(Base64.getDecoder().decode(c.signature()))).isTrue();
    assertThat(signer.verify(c)).isTrue();
    assertThat(CheckpointSigner.verify(signer.publicKey(), c)).isTrue();
  }

  @Test
  void aSecondInstanceOnTheSameSecretsSignsTheSameBytes() {
    Map<String, String> kept = new HashMap<>();
    Checkpoint first = CheckpointSigner.shared(secrets(kept)).sign("s1", 7, HASH, TIME);
    Checkpoint second = CheckpointSigner.shared(secrets(kept)).sign("s1", 7, HASH, TIME);
    assertThat(second.signature()).isEqualTo(first.signature());
  }

  @Test
  void aSignatureTheJdkMadeVerifiesHere() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    Checkpoint unsigned = new Checkpoint("s2", 42, HASH, TIME, "");
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(pair.getPrivate());
    jdk.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
    Checkpoint signed =
        new Checkpoint("s2", 42, HASH, TIME, Base64.getEncoder().encodeToString(jdk.sign()));

    assertThat(CheckpointSigner.verify(publicKey, signed)).isTrue();
    assertThat(
            CheckpointSigner.verify(
                publicKey, new Checkpoint("s2", 43, HASH, TIME, signed.signature())))
        .isFalse();
  }

  @Test
  void anotherKeyOrAGarbledSignatureOrKeyIsRefused() {
    CheckpointSigner signer = CheckpointSigner.ephemeral();
    Checkpoint c = signer.sign("s1", 1, HASH, TIME);
    assertThat(CheckpointSigner.ephemeral().verify(c)).isFalse();
    assertThat(signer.verify(new Checkpoint("s1", 1, HASH, TIME, "not base64!"))).isFalse();
    assertThat(signer.verify(new Checkpoint("s1", 1, HASH, TIME, "AAAA"))).isFalse();
    assertThat(CheckpointSigner.verify("AAAA", c)).isFalse();
    assertThat(CheckpointSigner.verify("not a key", c)).isFalse();
  }

  @Test
  void aStoredKeyThatIsNotEd25519IsRefusedClearly() {
    Map<String, String> kept = new HashMap<>();
    kept.put(CheckpointSigner.SECRET_NAME, "AAAA.AAAA");
    assertThatThrownBy(() -> CheckpointSigner.shared(secrets(kept)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audit signing key");
  }
}
