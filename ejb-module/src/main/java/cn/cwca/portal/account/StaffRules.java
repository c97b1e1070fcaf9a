package cn.cwca.portal.account;

import cn.cwca.portal.common.BusinessException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of 员工管理, apart from the database: which roles staff may hold, what a staff login name
 * looks like, and that the portal always keeps an active administrator.
 */
public final class StaffRules {

  /** The roles a staff member may hold, any several of them. */
  public static final Set<Role> STAFF_ROLES =
      Set.copyOf(EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.OPERATOR, Role.FINANCE));

  /**
   * A staff login name: 3 to 32 characters, a lower-case letter first, then lower-case letters,
   * digits, {@code . _ -}. It can never be an applicant's login name (an ID number, passport number
   * or credit code: digits and upper-case letters).
   */
  private static final Pattern LOGIN_NAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

  private StaffRules() {}

  /**
   * The login name, stripped.
   *
   * @throws BusinessException {@code validation.required}; {@code staff.loginName}
   */
  public static String loginName(String value) {
    if (value == null || value.isBlank()) {
      throw new BusinessException("validation.required");
    }
    String name = value.strip();
    if (!LOGIN_NAME.matcher(name).matches()) {
      throw new BusinessException("staff.loginName");
    }
    return name;
  }

  /**
   * The roles as a staff member's roles.
   *
   * @throws BusinessException {@code staff.roles.required} for none; {@code staff.roles.invalid}
   *     for a role that is not a staff role (申请人)
   */
  public static Set<Role> roles(Collection<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new BusinessException("staff.roles.required");
    }
    EnumSet<Role> chosen = EnumSet.noneOf(Role.class);
    for (Role role : roles) {
      if (role == null || !STAFF_ROLES.contains(role)) {
        throw new BusinessException("staff.roles.invalid");
      }
      chosen.add(role);
    }
    return Set.copyOf(chosen);
  }

  /**
   * Refuses a change that would leave no active administrator: disabling the last one, or taking
   * ADMIN from them.
   *
   * @param activeAdmins login names of the enabled staff holding ADMIN now
   * @param target the login name of the account changed
   * @param keepsAdmin whether the target is still an enabled administrator after the change
   * @throws BusinessException {@code staff.lastAdmin}
   */
  public static void keepAnAdministrator(
      Collection<String> activeAdmins, String target, boolean keepsAdmin) {
    if (keepsAdmin || !activeAdmins.contains(target)) {
      return;
    }
    if (activeAdmins.stream().noneMatch(name -> !name.equals(target))) {
      throw new BusinessException("staff.lastAdmin");
    }
  }

  /**
   * Refuses an administrator disabling their own account.
   *
   * @throws BusinessException {@code staff.disableSelf}
   */
  public static void notSelf(String actor, String target) {
    if (target.equals(actor)) {
      throw new BusinessException("staff.disableSelf");
    }
  }

  /** The roles for the audit trail, in a stable order: {@code [ADMIN, FINANCE]}. */
  public static String describe(Set<Role> roles) {
    return roles.stream().sorted().map(Role::name).toList().toString();
  }
}
