package dev.lazurite.auth;

/** Who is calling the data plane. */
public sealed interface Principal {
  /** What usage records name as the caller; never the secret itself. */
  String id();

  /**
   * A caller with an Entra-style access token.
   *
   * @param groups the object ids of the groups the token names
   */
  record Entra(String objectId, String tenantId, String appId, java.util.List<String> groups)
      implements Principal {
    public Entra {
      java.util.Objects.requireNonNull(objectId, "objectId is null");
      java.util.Objects.requireNonNull(tenantId, "tenantId is null");
      java.util.Objects.requireNonNull(appId, "appId is null");
      groups = java.util.List.copyOf(groups);
    }

    @Override
    public String id() {
      return objectId;
    }

    /** The principal and its groups: everything a role assignment can name. */
    public java.util.Set<String> assignees() {
      var ids = new java.util.HashSet<>(groups);
      ids.add(objectId);
      return java.util.Set.copyOf(ids);
    }
  }

  /**
   * A component of this server calling on an account's behalf (a search vectorizer, an indexer, a
   * batch line): it may use every deployment of that account and no other.
   */
  record Internal(String account, String purpose) implements Principal {
    public Internal {
      java.util.Objects.requireNonNull(account, "account is null");
      java.util.Objects.requireNonNull(purpose, "purpose is null");
    }

    @Override
    public String id() {
      return "internal/" + purpose;
    }
  }

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
