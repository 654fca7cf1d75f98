package dev.vigil.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** The legitimate users of all tenants, created once per run from the seed. */
final class Population {
  private static final List<String> FIRST = List.of(
      "james", "mary", "john", "linda", "michael", "sarah", "david", "emma", "daniel", "olivia", "lukas", "anna",
      "leon", "mia", "hannah", "felix", "lea", "jan", "sofia", "mateo", "lucia", "pedro", "ana", "joao", "maria",
      "pierre", "camille", "louis", "chloe", "giulia", "marco", "sven", "ingrid", "piotr", "kasia", "arjun", "priya",
      "rahul", "ananya", "hiroshi", "yuki", "haruto", "sakura", "minjun", "jiwoo", "wei", "mei", "thabo", "lerato",
      "liam", "noah", "ava", "isla", "oliver", "grace", "ethan", "zoe", "diego", "valentina", "omar", "fatima");
  private static final List<String> LAST = List.of(
      "smith", "johnson", "brown", "garcia", "miller", "davis", "martinez", "lopez", "wilson", "taylor", "mueller",
      "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "silva", "santos", "oliveira",
      "souza", "martin", "bernard", "dubois", "rossi", "russo", "bianchi", "jansen", "devries", "andersson",
      "nilsson", "kowalski", "nowak", "sharma", "patel", "singh", "kumar", "sato", "suzuki", "takahashi", "kim",
      "lee", "park", "chen", "wang", "nguyen", "murphy", "kelly", "walsh", "obrien", "dlamini", "nkosi", "hernandez",
      "gonzalez", "rodriguez", "fernandez", "moreau", "keller", "huber");
  private static final List<String> MAIL = List.of(
      "gmail.com", "gmail.com", "gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me",
      "gmx.de", "web.de", "orange.fr", "libero.it", "mail.ru", "qq.com", "naver.com", "yahoo.co.jp", "uol.com.br");

  private final List<SimUser> users;
  private final Map<String, List<SimUser>> byTenant;
  private final Map<String, Set<String>> userIds;

  private Population(List<SimUser> users, Map<String, List<SimUser>> byTenant, Map<String, Set<String>> userIds) {
    this.users = users;
    this.byTenant = byTenant;
    this.userIds = userIds;
  }

  static Population create(World world, ScenarioKnobs knobs, int count, SplittableRandom random) {
    List<SimUser> users = new ArrayList<>(count);
    Map<String, List<SimUser>> byTenant = new HashMap<>();
    Map<String, Set<String>> userIds = new HashMap<>();
    for (Tenant tenant : Tenant.BUILT_IN) {
      byTenant.put(tenant.id(), new ArrayList<>());
      userIds.put(tenant.id(), new HashSet<>());
    }
    for (int i = 0; i < count; i++) {
      // The first users go round-robin so that even a tiny run has every tenant.
      Tenant tenant = i < Tenant.BUILT_IN.size() ? Tenant.BUILT_IN.get(i) : anyTenant(random);
      String userId = freshUserId(userIds.get(tenant.id()), random);
      userIds.get(tenant.id()).add(userId);
      SimUser user = createUser(world, knobs, tenant, new Account(tenant.id(), userId), random);
      users.add(user);
      byTenant.get(tenant.id()).add(user);
    }
    return new Population(List.copyOf(users), Map.copyOf(byTenant), Map.copyOf(userIds));
  }

  List<SimUser> users() {
    return users;
  }

  List<SimUser> usersOf(Tenant tenant) {
    return byTenant.get(tenant.id());
  }

  boolean exists(String tenantId, String userId) {
    return userIds.get(tenantId).contains(userId);
  }

  /** A plausible login name that no user of the tenant has: what leaked combo lists are full of. */
  String unknownUserId(Tenant tenant, SplittableRandom random) {
    Set<String> taken = userIds.get(tenant.id());
    String candidate;
    do {
      candidate = FIRST.get(random.nextInt(FIRST.size())) + LAST.get(random.nextInt(LAST.size()))
          + (1960 + random.nextInt(50)) + "@" + MAIL.get(random.nextInt(MAIL.size()));
    } while (taken.contains(candidate));
    return candidate;
  }

  static Tenant anyTenant(SplittableRandom random) {
    double pick = random.nextDouble();
    for (Tenant tenant : Tenant.BUILT_IN) {
      pick -= tenant.share();
      if (pick < 0) {
        return tenant;
      }
    }
    return Tenant.BUILT_IN.get(0);
  }

  private static String freshUserId(Set<String> taken, SplittableRandom random) {
    String first = FIRST.get(random.nextInt(FIRST.size()));
    String last = LAST.get(random.nextInt(LAST.size()));
    String mail = MAIL.get(random.nextInt(MAIL.size()));
    String candidate = first + "." + last + "@" + mail;
    while (taken.contains(candidate)) {
      candidate = first + "." + last + random.nextInt(1000) + "@" + mail;
    }
    return candidate;
  }

  private static SimUser createUser(World world, ScenarioKnobs knobs, Tenant tenant, Account account,
      SplittableRandom random) {
    Country country = homeCountry(world, tenant, random);
    City home = country.residentCity(random);
    boolean ipv6 = random.nextDouble() < 0.05;
    Network isp = country.anyResidential(random);
    Prefix homePrefix = isp.prefixNear(home, random);
    Network carrier = country.anyMobile(random);
    Prefix carrierPrefix = carrier.prefixNear(home, random);
    SimUser.Workplace work = workplace(world, knobs, country, home, random);
    Device[] devices = new Device[3];
    int deviceCount = devices(devices, random);
    SimUser user = new SimUser(account, tenant, home, ipv6, isp, homePrefix, carrier, carrierPrefix, work,
        devices, deviceCount, habits(knobs, work, random));
    user.homeV4 = homePrefix.randomV4(random);
    user.homeV6Network = homePrefix.randomV6Network(random);
    if (random.nextDouble() < knobs.privacyVpnShare()) {
      user.privacyVpn = world.consumerVpns().get(random.nextInt(world.consumerVpns().size()));
    }
    return user;
  }

  private static Country homeCountry(World world, Tenant tenant, SplittableRandom random) {
    double total = 0;
    for (Country country : world.populated()) {
      total += weight(tenant, country);
    }
    double pick = random.nextDouble() * total;
    for (Country country : world.populated()) {
      pick -= weight(tenant, country);
      if (pick < 0) {
        return country;
      }
    }
    return world.populated().get(0);
  }

  private static double weight(Tenant tenant, Country country) {
    return country.users() * (tenant.favoured().contains(country.region()) ? 3 : 1);
  }

  private static SimUser.Workplace workplace(World world, ScenarioKnobs knobs, Country country, City home,
      SplittableRandom random) {
    if (random.nextDouble() >= 0.6) {
      return SimUser.Workplace.NONE;
    }
    List<Network> local = world.companies().stream().filter(company -> !company.prefixesIn(home).isEmpty()).toList();
    List<Network> national = world.companies().stream().filter(company -> company.hasPrefixIn(country.code())).toList();
    // VPN use is rarer than employment; the scenario's share is of employed users with a company behind them.
    boolean vpnUser = random.nextDouble() < Math.min(1, knobs.vpnUserShare() * 2.5);
    if (!local.isEmpty() && random.nextDouble() < 0.6) {
      Network company = local.get(random.nextInt(local.size()));
      Prefix office = random.nextDouble() < 0.15
          ? world.cloudProxy().nearestPrefix(home)
          : company.prefixesIn(home).get(0);
      return new SimUser.Workplace(office, office.randomV4(random), company.prefixes().get(0), vpnUser);
    }
    if (!national.isEmpty() && random.nextDouble() < 0.3) {
      // A remote employee: no office nearby, the company VPN whenever working.
      Network company = national.get(random.nextInt(national.size()));
      return new SimUser.Workplace(null, 0, company.prefixes().get(0), true);
    }
    Network line = country.anyResidential(random);
    Prefix office = line.prefixNear(home, random);
    return new SimUser.Workplace(office, office.randomV4(random), null, false);
  }

  private static int devices(Device[] devices, SplittableRandom random) {
    double roll = random.nextDouble();
    int count = roll < 0.35 ? 1 : roll < 0.8 ? 2 : 3;
    boolean phoneFirst = random.nextDouble() < 0.3;
    for (int i = 0; i < count; i++) {
      boolean phone = (i == 0) == phoneFirst;
      devices[i] = phone ? newPhone(random) : newComputer(random);
    }
    return count;
  }

  static Device newComputer(SplittableRandom random) {
    double roll = random.nextDouble();
    Platform platform = roll < 0.65 ? Platform.WINDOWS : roll < 0.9 ? Platform.MAC : Platform.LINUX;
    double pick = random.nextDouble();
    Browser browser = switch (platform) {
      case WINDOWS -> pick < 0.65 ? Browser.CHROME : pick < 0.9 ? Browser.EDGE : Browser.FIREFOX;
      case MAC -> pick < 0.5 ? Browser.SAFARI : pick < 0.9 ? Browser.CHROME : Browser.FIREFOX;
      case LINUX, ANDROID, IPHONE -> pick < 0.5 ? Browser.FIREFOX : Browser.CHROME;
    };
    return new Device(deviceId(random), platform, browser, updateLag(random));
  }

  static Device newPhone(SplittableRandom random) {
    boolean android = random.nextDouble() < 0.55;
    Browser browser = android
        ? (random.nextDouble() < 0.9 ? Browser.CHROME : Browser.FIREFOX)
        : (random.nextDouble() < 0.95 ? Browser.SAFARI : Browser.FIREFOX);
    return new Device(deviceId(random), android ? Platform.ANDROID : Platform.IPHONE, browser, updateLag(random));
  }

  static String deviceId(SplittableRandom random) {
    return "d-" + Long.toHexString(random.nextLong() & 0xFFFF_FFFF_FFFFL);
  }

  private static int updateLag(SplittableRandom random) {
    // Most browsers update within days; a tail waits weeks.
    return random.nextDouble() < 0.8 ? random.nextInt(7) : 7 + random.nextInt(35);
  }

  private static SimUser.Habits habits(ScenarioKnobs knobs, SimUser.Workplace work, SplittableRandom random) {
    // Heavy-tailed: the median user logs in about every other day, a few dozen several times a day.
    double visitsPerDay = Math.min(24, Gaussian.logNormal(-0.18, 1.3, random));
    double roll = random.nextDouble();
    HourHabit hours = roll < knobs.nightOwlShare()
        ? HourHabit.nightOwl(random)
        : roll < knobs.nightOwlShare() + 0.3 ? HourHabit.evening(random) : HourHabit.daytime(random);
    boolean traveller = random.nextDouble() < knobs.travellerShare();
    boolean hasMfa = random.nextDouble() < 0.35;
    double method = random.nextDouble();
    String authMethod = method < 0.08 ? "webauthn" : work.employed() && method < 0.16 ? "sso" : "password";
    return new SimUser.Habits(visitsPerDay, hours, traveller, hasMfa, authMethod);
  }
}
