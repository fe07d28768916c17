package dev.lazurite.runtime;

import static java.util.Objects.requireNonNull;

import dev.lazurite.network.PrivateEndpoint;
import dev.lazurite.rbac.RoleAssignment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the data plane needs to decide a request, immutable and versioned. The control plane
 * builds a new snapshot after every change and swaps it in atomically; requests read the snapshot
 * they started with.
 *
 * @param keys accounts' API keys, indexed by the SHA-256 of the key
 * @param roleAssignments every role assignment, for authorizing token callers
 * @param privateEndpoints every private endpoint, for telling private requests from public ones
 */
public record RuntimeSnapshot(
    long version,
    Map<String, KeyBinding> keys,
    Map<String, AccountRuntime> accounts,
    List<RoleAssignment> roleAssignments,
    List<PrivateEndpoint> privateEndpoints) {
  public static final RuntimeSnapshot EMPTY =
      new RuntimeSnapshot(0, Map.of(), Map.of(), List.of(), List.of());

  public RuntimeSnapshot {
    keys = Map.copyOf(keys);
    accounts = Map.copyOf(accounts);
    roleAssignments = List.copyOf(roleAssignments);
    privateEndpoints = List.copyOf(privateEndpoints);
  }

  /** The private endpoint listening on this address and port, if any. */
  public Optional<PrivateEndpoint> privateEndpointAt(java.net.InetSocketAddress local) {
    for (PrivateEndpoint e : privateEndpoints) {
      if (e.port() == local.getPort() && sameAddress(e.address(), local)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static boolean sameAddress(String address, java.net.InetSocketAddress local) {
    try {
      return java.net.InetAddress.getByName(address).equals(local.getAddress());
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** Which account and key slot an API key belongs to. */
  public record KeyBinding(String account, String keyName, byte[] key) {
    public KeyBinding {
      requireNonNull(account, "account is null");
      requireNonNull(keyName, "keyName is null");
      key = key.clone();
    }

    /** Constant-time comparison with a presented key. */
    public boolean matches(byte[] presented) {
      return MessageDigest.isEqual(key, presented);
    }
  }

  /** The binding of a presented key, compared in constant time after the digest lookup. */
  public Optional<KeyBinding> findKey(String presented) {
    byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
    KeyBinding binding = keys.get(digest(bytes));
    return binding != null && binding.matches(bytes) ? Optional.of(binding) : Optional.empty();
  }

  public Optional<AccountRuntime> account(String name) {
    return Optional.ofNullable(accounts.get(name));
  }

  public static String digest(byte[] key) {
    return HexFormat.of().formatHex(sha256().digest(key));
  }

  /**
   * A fresh SHA-256 digest, cloned from one made once: every keyed request looks its key up, and
   * {@code MessageDigest.getInstance} searches the providers each time.
   */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) Sha256.PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return Sha256.create();
    }
  }

  private static final class Sha256 {
    private static final MessageDigest PROTOTYPE = create();

    private static MessageDigest create() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JDK", e);
      }
    }
  }
}
