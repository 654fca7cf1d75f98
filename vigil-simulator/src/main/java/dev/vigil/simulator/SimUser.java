package dev.vigil.simulator;

import dev.vigil.core.event.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * One legitimate user and the parts of their life that change during a run (home address, provider, devices).
 * Mutable because those changes happen day by day; owned by the generator thread, never shared.
 */
final class SimUser {
  final Account account;
  final Tenant tenant;
  final City home;
  final boolean ipv6;
  final Network carrier;
  final Prefix carrierPrefix;
  /** Where the user works from when at the office: a company block, a cloud proxy node or a business line. */
  final @Nullable Prefix office;
  final int officeV4;
  /** The employer's VPN egress, when the user has one. */
  final @Nullable Prefix vpnEgress;
  final boolean vpnUser;
  final double visitsPerDay;
  final HourHabit habit;
  final boolean traveller;
  final boolean hasMfa;
  /** {@code password}, {@code webauthn} or {@code sso}. */
  final String authMethod;

  Network homeIsp;
  Prefix homePrefix;
  int homeV4;
  long homeV6Network;
  final Device[] devices;
  int deviceCount;

  /** A commercial VPN the user turns on now and then; {@code null} for most users. */
  @Nullable Network privacyVpn;

  /** A session hijack waiting for this user's first success on or after {@link #hijackDay}. */
  @Nullable Campaign hijack;
  int hijackDay = -1;

  SimUser(Account account, Tenant tenant, City home, boolean ipv6, Network homeIsp, Prefix homePrefix,
      Network carrier, Prefix carrierPrefix, Workplace work, Device[] devices, int deviceCount, Habits habits) {
    this.account = account;
    this.tenant = tenant;
    this.home = home;
    this.ipv6 = ipv6;
    this.homeIsp = homeIsp;
    this.homePrefix = homePrefix;
    this.carrier = carrier;
    this.carrierPrefix = carrierPrefix;
    this.office = work.office();
    this.officeV4 = work.officeV4();
    this.vpnEgress = work.vpnEgress();
    this.vpnUser = work.vpnUser();
    this.devices = devices;
    this.deviceCount = deviceCount;
    this.visitsPerDay = habits.visitsPerDay();
    this.habit = habits.hours();
    this.traveller = habits.traveller();
    this.hasMfa = habits.hasMfa();
    this.authMethod = habits.authMethod();
  }

  /** Where and how the user works. */
  record Workplace(@Nullable Prefix office, int officeV4, @Nullable Prefix vpnEgress, boolean vpnUser) {
    static final Workplace NONE = new Workplace(null, 0, null, false);

    boolean employed() {
      return office != null || vpnEgress != null;
    }
  }

  /** How often, when and how the user logs in. */
  record Habits(double visitsPerDay, HourHabit hours, boolean traveller, boolean hasMfa, String authMethod) {}

  boolean passkeyUser() {
    return "webauthn".equals(authMethod);
  }

  Device primaryDevice() {
    return devices[0];
  }

  /** The home broadband address for one visit: the current DHCP lease, or a fresh privacy address on IPv6. */
  IpAddress homeAddress(java.util.SplittableRandom random) {
    return ipv6 ? Prefix.v6(homeV6Network, random) : IpAddress.ofV4(homeV4);
  }

  @Override
  public String toString() {
    return "SimUser[tenant=" + tenant.id() + "]";
  }
}
