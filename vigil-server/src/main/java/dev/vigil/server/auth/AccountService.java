package dev.vigil.server.auth;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Accounts: registration (always as a plain USER, the first of a tenant included — nobody becomes an
 * administrator by being early), the bootstrap administrator from configuration, role changes by an
 * administrator, and TOTP enrolment.
 */
@Service
final class AccountService implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

  private final AccountStore accounts;
  private final PasswordEncoder passwords;
  private final SecondFactor secondFactor;
  private final AuthSettings settings;
  private final Clock clock;

  AccountService(AccountStore accounts, PasswordEncoder passwords, SecondFactor secondFactor, AuthSettings settings,
      Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.secondFactor = secondFactor;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Registers a USER.
   *
   * @throws AuthException {@code EMAIL_TAKEN} when the tenant has this email already
   */
  Account register(String tenantId, String email, String password) {
    return create(tenantId, email, password, Role.USER);
  }

  /** The caller's account; it exists, since the access-token filter just found its open session. */
  Account current(AuthenticatedUser user) {
    return accounts.findById(user.tenantId(), user.userId())
        .orElseThrow(() -> new IllegalStateException("authenticated account " + user.userId() + " vanished"));
  }

  /** Changes the role of an account of the administrator's own tenant; false when there is no such account. */
  boolean changeRole(AuthenticatedUser admin, UUID userId, Role role) {
    return accounts.setRole(admin.tenantId(), userId, role);
  }

  SecondFactor.Enrolment enrollTotp(AuthenticatedUser user) {
    return secondFactor.enroll(current(user));
  }

  void activateTotp(AuthenticatedUser user, String code) {
    secondFactor.activate(user.userId(), code);
  }

  boolean hasActiveTotp(AuthenticatedUser user) {
    return secondFactor.hasActiveTotp(user.userId());
  }

  /**
   * Creates the configured bootstrap administrator when its tenant has no account with that email. An existing
   * account is never promoted: whoever registered the email first would otherwise become administrator. Runs
   * once every bean exists (Flyway has migrated) and before the web server accepts requests, so nobody can
   * register the email in between.
   */
  @Override
  public void afterSingletonsInstantiated() {
    AuthSettings.BootstrapAdmin admin = settings.bootstrapAdmin();
    String email = admin.email();
    String password = admin.password();
    if (email == null || email.isBlank() || password == null || password.isBlank()) {
      return;
    }
    String name = LoginService.normalizeEmail(email);
    var existing = accounts.findByEmail(admin.tenant(), name);
    if (existing.isEmpty()) {
      create(admin.tenant(), name, password, Role.ADMIN);
      LOG.info("created the bootstrap administrator of tenant {}", admin.tenant());
    } else if (existing.get().role() != Role.ADMIN) {
      LOG.warn("the bootstrap administrator's email is registered in tenant {} as a non-administrator; "
          + "it was not promoted", admin.tenant());
    }
  }

  private Account create(String tenantId, String email, String password, Role role) {
    Account account = new Account(UUID.randomUUID(), tenantId, LoginService.normalizeEmail(email),
        passwords.encode(password), role, false, clock.instant());
    if (!accounts.insert(account)) {
      throw new AuthException(AuthException.Problem.EMAIL_TAKEN);
    }
    return account;
  }
}
