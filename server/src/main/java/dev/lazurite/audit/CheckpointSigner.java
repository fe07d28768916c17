package dev.lazurite.audit;

import dev.lazurite.store.SharedSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs and checks audit checkpoints with the server's audit signing key: an Ed25519 key pair kept
 * among the store's shared secrets (sealed with the master key), so every instance on one database
 * signs with the same key and any of them can verify every stream.
 */
public final class CheckpointSigner {
  static final String SECRET_NAME = "audit-signing-key";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** The shared key, created by the first instance that needs it. */
  public static CheckpointSigner shared(SharedSecrets secrets) {
    return parse(secrets.getOrCreate(SECRET_NAME, CheckpointSigner::fresh));
  }

  /** A fresh key that lives only in memory (tests, benchmarks). */
  public static CheckpointSigner ephemeral() {
    return parse(fresh());
  }

  private static String fresh() {
    try {
      var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      var b64 = Base64.getEncoder();
      return b64.encodeToString(pair.getPrivate().getEncoded())
          + "."
          + b64.encodeToString(pair.getPublic().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  private static CheckpointSigner parse(String stored) {
    String[] parts = stored.split("\\.", 2);
    try {
      var keys = KeyFactory.getInstance("Ed25519");
      var b64 = Base64.getDecoder();
      return new CheckpointSigner(
          keys.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(parts[0]))),
          keys.generatePublic(new X509EncodedKeySpec(b64.decode(parts[1]))));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("the audit signing key cannot be read", e);
    }
  }

  /** The public key, X.509 DER in base64, for checking checkpoints away from the server. */
  public String publicKey() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  public Checkpoint sign(String stream, long seq, String hash, String time) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(privateKey);
      ed.update(Checkpoint.signedText(stream, seq, hash, time).getBytes(StandardCharsets.UTF_8));
      return new Checkpoint(stream, seq, hash, time, Base64.getEncoder().encodeToString(ed.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign an audit checkpoint", e);
    }
  }

  boolean verify(Checkpoint checkpoint) {
    return verify(publicKey, checkpoint);
  }

  /** Whether {@code checkpoint} is signed by the key {@code publicKey} (X.509 DER, base64). */
  public static boolean verify(String publicKey, Checkpoint checkpoint) {
    try {
      return verify(
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
          checkpoint);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean verify(PublicKey key, Checkpoint checkpoint) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(key);
      ed.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
      return ed.verify(Base64.getDecoder().decode(checkpoint.signature()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
