package dev.lazurite.capture;

import java.util.List;
import java.util.Map;

/** Where capture policies and captures are kept. Captures are not part of the audit chain. */
public interface CaptureStore {
  /** A deployment a policy is about. */
  record Target(String account, String deployment) {}

  /** Every stored policy. */
  Map<Target, CapturePolicy> policies();

  /** Stores the policy, replacing any before it; called inside a control write. */
  void putPolicy(Target target, CapturePolicy policy);

  /** Removes the policy; returns whether there was one. */
  boolean deletePolicy(Target target);

  void append(List<Capture> captures);

  /** Captures that match, oldest first. */
  List<Capture> query(CaptureQuery query);

  /** Deletes the captures whose retention ended before {@code nowMillis}; returns how many. */
  int deleteExpired(long nowMillis);
}
