package dev.lazurite.rbac;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} expressions ARM accepts on role definitions and role assignments; anything
 * else is ARM's 400 {@code UnsupportedQuery}.
 */
public final class RoleFilters {
  private static final String DEFINITIONS_SUPPORTED =
      "Supported filters are either 'roleName eq '{value}'' or 'type eq 'BuiltInRole|CustomRole''.";
  private static final String ASSIGNMENTS_SUPPORTED =
      "Supported filters are either 'atScope()' or 'principalId eq '{value}'' or"
          + " 'assignedTo('{value}')'.";
  private static final String QUOTED = "'((?:[^']|'')*)'";
  private static final Pattern ROLE_NAME =
      Pattern.compile("^roleName\\s+eq\\s+" + QUOTED + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TYPE =
      Pattern.compile("^type\\s+eq\\s+" + QUOTED + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PRINCIPAL =
      Pattern.compile("^principalId\\s+eq\\s+" + QUOTED + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ASSIGNED_TO =
      Pattern.compile("^assignedTo\\(\\s*" + QUOTED + "\\s*\\)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern AT_SCOPE =
      Pattern.compile("^atScope\\(\\s*\\)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

  private RoleFilters() {}

  /** Which built-in roles a role-definition filter keeps (all of them for no filter). */
  public static Predicate<RoleDefinition> definitions(Optional<String> filter) {
    if (filter.isEmpty() || filter.get().isBlank()) {
      return r -> true;
    }
    String expression = filter.get().strip();
    Matcher name = ROLE_NAME.matcher(expression);
    if (name.matches()) {
      String wanted = unquote(name.group(1));
      return r -> r.roleName().equalsIgnoreCase(wanted);
    }
    Matcher type = TYPE.matcher(expression);
    if (type.matches()) {
      String wanted = unquote(type.group(1)).toLowerCase(Locale.ROOT);
      if (wanted.equals("builtinrole")) {
        return r -> true;
      }
      if (wanted.equals("customrole")) {
        return r -> false;
      }
    }
    throw ApiException.of(ErrorCode.ARM_UNSUPPORTED_QUERY, expression, DEFINITIONS_SUPPORTED);
  }

  /**
   * A role-assignment filter.
   *
   * @param atScope only assignments at the scope or above it (not below)
   * @param principalId only assignments to this principal
   * @param assignedTo only assignments to this principal or one of its groups
   */
  public record AssignmentFilter(
      boolean atScope, Optional<String> principalId, Optional<String> assignedTo) {
    public static final AssignmentFilter NONE =
        new AssignmentFilter(false, Optional.empty(), Optional.empty());
  }

  public static AssignmentFilter assignments(Optional<String> filter) {
    if (filter.isEmpty() || filter.get().isBlank()) {
      return AssignmentFilter.NONE;
    }
    String expression = filter.get().strip();
    boolean atScope = false;
    Optional<String> principal = Optional.empty();
    Optional<String> assignedTo = Optional.empty();
    for (String clause : AND.split(expression)) {
      Matcher p = PRINCIPAL.matcher(clause.strip());
      Matcher a = ASSIGNED_TO.matcher(clause.strip());
      if (AT_SCOPE.matcher(clause.strip()).matches() && !atScope) {
        atScope = true;
      } else if (p.matches() && principal.isEmpty() && assignedTo.isEmpty()) {
        principal = Optional.of(unquote(p.group(1)));
      } else if (a.matches() && principal.isEmpty() && assignedTo.isEmpty()) {
        assignedTo = Optional.of(unquote(a.group(1)));
      } else {
        throw ApiException.of(ErrorCode.ARM_UNSUPPORTED_QUERY, expression, ASSIGNMENTS_SUPPORTED);
      }
    }
    return new AssignmentFilter(atScope, principal, assignedTo);
  }

  private static String unquote(String quoted) {
    return quoted.replace("''", "'");
  }
}
