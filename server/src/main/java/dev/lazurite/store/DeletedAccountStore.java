package dev.lazurite.store;

import java.util.List;
import java.util.Optional;

/** Soft-deleted accounts. Each method is one transaction. */
public interface DeletedAccountStore {
  /** Keeps a deleted account, replacing an older deleted account of the same name. */
  void keep(DeletedAccount account);

  List<DeletedAccount> all();

  Optional<DeletedAccount> find(String name);

  /** Forgets a deleted account for good; false when there was none. */
  boolean purge(String name);
}
