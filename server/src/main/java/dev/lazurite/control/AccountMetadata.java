package dev.lazurite.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ARM reports about an account besides its settings: tags, the custom subdomain once set, the
 * etag and who changed it last.
 *
 * @param customSubDomainName empty until a caller sets one; it cannot change once set
 * @param etag changes with every change of the account; empty for an account stored before etags
 *     were kept
 * @param lastModifiedAt the last change; {@code null} for an account never changed since its
 *     creation was stored without it
 */
public record AccountMetadata(
    Map<String, String> tags,
    String customSubDomainName,
    String etag,
    Instant lastModifiedAt,
    Actor createdBy,
    Actor lastModifiedBy) {
  /** Azure's limit on tags per resource. */
  public static final int MAX_TAGS = 50;

  /** The account metadata of an account stored before metadata was kept. */
  public static final AccountMetadata NONE =
      new AccountMetadata(Map.of(), "", "", null, Actor.ADMIN, Actor.ADMIN);

  public AccountMetadata {
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(tags, "tags")));
    requireNonNull(customSubDomainName, "customSubDomainName is null");
    requireNonNull(etag, "etag is null");
    requireNonNull(createdBy, "createdBy is null");
    requireNonNull(lastModifiedBy, "lastModifiedBy is null");
  }

  /**
   * Who made a change, as ARM's {@code systemData} names it.
   *
   * @param type {@code User}, {@code Application}, {@code ManagedIdentity} or {@code Key}
   */
  public record Actor(String id, String type) {
    /** The local admin credential. */
    public static final Actor ADMIN = new Actor("lazurite-admin", "Application");

    public Actor {
      requireNonNull(id, "id is null");
      requireNonNull(type, "type is null");
    }
  }
}
