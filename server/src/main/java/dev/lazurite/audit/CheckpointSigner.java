package dev.lazurite.audit;

import dev.lazurite.store.SharedSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Signs and checks audit checkpoints with the server's audit signing key: an Ed25519 key pair kept
 * among the store's shared secrets (sealed with the master key), so every instance on one database
 * signs with the same key and any of them can verify every stream. Keys are stored as the JDK
 * encodes them (PKCS #8 and X.509 DER); signing and checking use Bouncy Castle's Ed25519, which
 * signs in a few tens of microseconds where the JDK's takes about half a millisecond. Ed25519 is
 * deterministic, so either gives the same signature.
 */
public final class CheckpointSigner {
  static final String SECRET_NAME = "audit-signing-key";

  private final Ed25519PrivateKeyParameters privateKey;
  private final Ed25519PublicKeyParameters publicKey;
  private final String publicKeyText;

  private CheckpointSigner(
      Ed25519PrivateKeyParameters privateKey, Ed25519PublicKeyParameters publicKey, String text) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.publicKeyText = text;
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
      var b64 = Base64.getDecoder();
      if (PrivateKeyFactory.createKey(b64.decode(parts[0]))
              instanceof Ed25519PrivateKeyParameters privateKey
          && PublicKeyFactory.createKey(b64.decode(parts[1]))
              instanceof Ed25519PublicKeyParameters publicKey) {
        return new CheckpointSigner(privateKey, publicKey, parts[1]);
      }
      throw new IllegalStateException("the audit signing key is not an Ed25519 key pair");
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the audit signing key cannot be read", e);
    }
  }

  /** The public key, X.509 DER in base64, for checking checkpoints away from the server. */
  public String publicKey() {
    return publicKeyText;
  }

  public Checkpoint sign(String stream, long seq, String hash, String time) {
    byte[] text = Checkpoint.signedText(stream, seq, hash, time).getBytes(StandardCharsets.UTF_8);
    var ed = new Ed25519Signer();
    ed.init(true, privateKey);
    ed.update(text, 0, text.length);
    return new Checkpoint(
        stream, seq, hash, time, Base64.getEncoder().encodeToString(ed.generateSignature()));
  }

  boolean verify(Checkpoint checkpoint) {
    return verify(publicKey, checkpoint);
  }

  /** Whether {@code checkpoint} is signed by the key {@code publicKey} (X.509 DER, base64). */
  public static boolean verify(String publicKey, Checkpoint checkpoint) {
    try {
      return PublicKeyFactory.createKey(Base64.getDecoder().decode(publicKey))
              instanceof Ed25519PublicKeyParameters key
          && verify(key, checkpoint);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean verify(Ed25519PublicKeyParameters key, Checkpoint checkpoint) {
    try {
      byte[] text = checkpoint.signedText().getBytes(StandardCharsets.UTF_8);
      var ed = new Ed25519Signer();
      ed.init(false, key);
      ed.update(text, 0, text.length);
      return ed.verifySignature(Base64.getDecoder().decode(checkpoint.signature()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
