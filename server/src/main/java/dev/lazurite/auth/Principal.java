package dev.lazurite.auth;

/** Who is calling the data plane. */
public sealed interface Principal {
  /** What usage records name as the caller; never the secret itself. */
  String id();

  /** A caller holding one of an account's API keys. */
  record ApiKey(String account, String keyName) implements Principal {
    public ApiKey {
      java.util.Objects.requireNonNull(account, "account is null");
      java.util.Objects.requireNonNull(keyName, "keyName is null");
    }

    @Override
    public String id() {
      return account + "/" + keyName;
    }
  }
}
