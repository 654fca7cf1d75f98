package dev.vigil.core.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * What Vigil remembers about one user: the networks, places, devices and hours they log in from, when and
 * where they last succeeded, and their recent failures.
 *
 * <p><b>Layout.</b> The profile is a handful of primitive arrays, not collections, so that a million users fit
 * in well under a gigabyte (target: ≤ 1 KiB each, measured in vigil-bench): the last {@value #IP_SLOTS}
 * successful addresses as a ring of 32-bit keys; one slot section per {@link Feature} holding a key and a
 * decayed weight (roughly "successful logins with this value, recent ones counting more"); a 24-bin histogram
 * of local login hours; a ring of the last {@value #FAILURE_SLOTS} failures with their source networks.
 *
 * <p><b>Forgetting.</b> Weights halve every {@code halfLifeDays} (applied lazily when the user next logs in);
 * a full section evicts its lightest value. So a user who moved keeps a few weeks of the old city and soon
 * treats the new one as home.
 *
 * <p><b>Threading.</b> Not thread-safe: a profile is owned by the one thread that drives the engine (or the
 * one stream task that owns the user's partition).
 */
public final class UserProfile {
  /** How many recent successful addresses are remembered (Okta and seed 000 use 20). */
  public static final int IP_SLOTS = 20;
  /** How many recent failures are remembered; enough for any sane brute-force threshold. */
  public static final int FAILURE_SLOTS = 12;

  private final int[] ips = new int[IP_SLOTS];
  private final int[] keys = new int[Feature.TOTAL_SLOTS];
  private final float[] weights = new float[Feature.TOTAL_SLOTS];
  private final float[] hours = new float[24];
  private final int[] failureSeconds = new int[FAILURE_SLOTS];
  private final int[] failureSources = new int[FAILURE_SLOTS];
  private byte ipCount;
  private byte ipNext;
  private byte failureCount;
  private byte failureNext;
  private int successes;
  private int decayDay = -1;
  private int lastEventSecond = -1;
  private int lastSuccessSecond = -1;
  private float lastLat = Float.NaN;
  private float lastLon = Float.NaN;
  private int lastCountry;
  private boolean lastObscured;
  private boolean lastMobile;
  private int loginDay = -1;
  private short loginsToday;

  /** Ages every weight to {@code day}: weights halve every {@code halfLifeDays} days. */
  public void decayTo(int day, float halfLifeDays) {
    if (decayDay < 0) {
      decayDay = day;
      return;
    }
    if (day <= decayDay) {
      return;
    }
    float factor = (float) Math.pow(0.5, (day - decayDay) / (double) halfLifeDays);
    for (int i = 0; i < weights.length; i++) {
      weights[i] *= factor;
    }
    for (int i = 0; i < hours.length; i++) {
      hours[i] *= factor;
    }
    decayDay = day;
  }

  /** The decayed weight of {@code key} for {@code feature}; 0 when the value is unfamiliar. */
  public float weight(Feature feature, int key) {
    int end = feature.offset() + feature.capacity();
    for (int i = feature.offset(); i < end; i++) {
      if (keys[i] == key) {
        return weights[i];
      }
    }
    return 0;
  }

  /** The summed weight of every remembered value of {@code feature}. */
  public float total(Feature feature) {
    float total = 0;
    int end = feature.offset() + feature.capacity();
    for (int i = feature.offset(); i < end; i++) {
      total += weights[i];
    }
    return total;
  }

  /** How many distinct values of {@code feature} are remembered. */
  public int distinct(Feature feature) {
    int count = 0;
    int end = feature.offset() + feature.capacity();
    for (int i = feature.offset(); i < end; i++) {
      if (keys[i] != 0) {
        count++;
      }
    }
    return count;
  }

  /** The remembered values of {@code feature}, heaviest first (for explanations such as "usual DE"). */
  public int[] valuesByWeight(Feature feature) {
    int start = feature.offset();
    int n = distinct(feature);
    Integer[] order = new Integer[feature.capacity()];
    for (int i = 0; i < order.length; i++) {
      order[i] = start + i;
    }
    java.util.Arrays.sort(order, (a, b) -> Float.compare(weights[b], weights[a]));
    int[] values = new int[n];
    int k = 0;
    for (Integer slot : order) {
      if (keys[slot] != 0 && k < n) {
        values[k++] = keys[slot];
      }
    }
    return values;
  }

  /** Whether the exact address is among the last {@value #IP_SLOTS} successful ones. */
  public boolean knowsIp(int ipKey) {
    for (int i = 0; i < ipCount; i++) {
      if (ips[i] == ipKey) {
        return true;
      }
    }
    return false;
  }

  public int ipCount() {
    return ipCount;
  }

  /** The decayed weight of logins at this local hour. */
  public float hourWeight(int hour) {
    return hours[hour];
  }

  /** The decayed weight of all logins in the hour histogram. */
  public float hourTotal() {
    float total = 0;
    for (float h : hours) {
      total += h;
    }
    return total;
  }

  /** Successful logins ever learned (not decayed): how much history the profile rests on. */
  public int successes() {
    return successes;
  }

  public boolean hasLastSuccess() {
    return lastSuccessSecond >= 0;
  }

  public int lastSuccessSecond() {
    return lastSuccessSecond;
  }

  public float lastLat() {
    return lastLat;
  }

  public float lastLon() {
    return lastLon;
  }

  public int lastCountry() {
    return lastCountry;
  }

  /** Whether the last success came through a network that hides the location (VPN, hosting). */
  public boolean lastObscured() {
    return lastObscured;
  }

  /**
   * Whether the last success came through a mobile carrier, whose geolocation is coarse (a gateway city) and,
   * for a roaming phone, shows the home country wherever the person is.
   */
  public boolean lastMobile() {
    return lastMobile;
  }

  public int lastEventSecond() {
    return lastEventSecond;
  }

  /** Logins (successes and failures) on the UTC day of the latest event, this one included once recorded. */
  public int loginsToday() {
    return loginsToday;
  }

  /** Notes that an event happened (any outcome): moves the event clock and the daily login count. */
  public void touch(int second) {
    int day = EventClock.day(second);
    if (day != loginDay) {
      loginDay = day;
      loginsToday = 0;
    }
    if (loginsToday < Short.MAX_VALUE) {
      loginsToday++;
    }
    lastEventSecond = Math.max(lastEventSecond, second);
  }

  /** Remembers a failure at {@code second} from the source network {@code sourceKey}. */
  public void recordFailure(int second, int sourceKey) {
    failureSeconds[failureNext] = second;
    failureSources[failureNext] = sourceKey;
    failureNext = (byte) ((failureNext + 1) % FAILURE_SLOTS);
    if (failureCount < FAILURE_SLOTS) {
      failureCount++;
    }
  }

  /** Failures with {@code from <= time <= to}. */
  public int failuresBetween(int from, int to) {
    int count = 0;
    for (int i = 0; i < failureCount; i++) {
      int t = failureSeconds[i];
      if (t >= from && t <= to) {
        count++;
      }
    }
    return count;
  }

  /** Failures with {@code from <= time <= to} that came from {@code sourceKey}. */
  public int failuresBetweenFrom(int from, int to, int sourceKey) {
    int count = 0;
    for (int i = 0; i < failureCount; i++) {
      int t = failureSeconds[i];
      if (t >= from && t <= to && failureSources[i] == sourceKey) {
        count++;
      }
    }
    return count;
  }

  /**
   * Learns a successful login's values: each gains {@code weight} (1 for a clean login, less for one the engine
   * doubted), its address joins the recent ring and its hour the histogram. Counting the success and moving the
   * last place are separate steps ({@link #countSuccess}, {@link #markLastSuccess}), because a confirmation that
   * comes later adds weight to a login already counted.
   */
  public void learn(LoginFeatures login, float weight) {
    for (Feature feature : Feature.ALL) {
      int key = login.key(feature);
      if (key != 0) {
        observe(feature, key, weight);
      }
    }
    if (!knowsIp(login.ipKey())) {
      ips[ipNext] = login.ipKey();
      ipNext = (byte) ((ipNext + 1) % IP_SLOTS);
      if (ipCount < IP_SLOTS) {
        ipCount++;
      }
    }
    hours[login.localHour()] += weight;
  }

  /** Counts one more successful login in the history the profile rests on. */
  public void countSuccess() {
    successes++;
  }

  /**
   * Makes this login the last success that travel is measured from, unless a later one already is. Only a login
   * the engine let through (or one confirmed afterwards) should be: a challenged one may be a hijacker's, and
   * moving "the last place" to them would make their next login look local.
   *
   * @param obscured the login came through a VPN or hosting network
   * @param mobile the login came through a mobile carrier
   */
  public void markLastSuccess(LoginFeatures login, boolean obscured, boolean mobile) {
    if (login.second() >= lastSuccessSecond) {
      lastSuccessSecond = login.second();
      lastLat = login.lat();
      lastLon = login.lon();
      lastCountry = login.key(Feature.COUNTRY);
      lastObscured = obscured;
      lastMobile = mobile;
    }
  }

  private void observe(Feature feature, int key, float weight) {
    int start = feature.offset();
    int end = start + feature.capacity();
    int lightest = start;
    for (int i = start; i < end; i++) {
      if (keys[i] == key) {
        weights[i] += weight;
        return;
      }
      if (keys[i] == 0) {
        keys[i] = key;
        weights[i] = weight;
        return;
      }
      if (weights[i] < weights[lightest]) {
        lightest = i;
      }
    }
    keys[lightest] = key;
    weights[lightest] = weight;
  }

  /** Writes the profile in the snapshot format (see {@code StateSnapshot}). */
  public void writeTo(DataOutput out) throws IOException {
    out.writeByte(ipCount);
    out.writeByte(ipNext);
    for (int i = 0; i < ipCount; i++) {
      out.writeInt(ips[i]);
    }
    for (int i = 0; i < keys.length; i++) {
      out.writeInt(keys[i]);
      out.writeFloat(weights[i]);
    }
    for (float h : hours) {
      out.writeFloat(h);
    }
    out.writeByte(failureCount);
    out.writeByte(failureNext);
    for (int i = 0; i < failureCount; i++) {
      out.writeInt(failureSeconds[i]);
      out.writeInt(failureSources[i]);
    }
    out.writeInt(successes);
    out.writeInt(decayDay);
    out.writeInt(lastEventSecond);
    out.writeInt(lastSuccessSecond);
    out.writeFloat(lastLat);
    out.writeFloat(lastLon);
    out.writeInt(lastCountry);
    out.writeBoolean(lastObscured);
    out.writeBoolean(lastMobile);
    out.writeInt(loginDay);
    out.writeShort(loginsToday);
  }

  /** Reads a profile written by {@link #writeTo}. */
  public static UserProfile readFrom(DataInput in) throws IOException {
    UserProfile p = new UserProfile();
    p.ipCount = checkedCount(in.readByte(), IP_SLOTS, "ip ring");
    p.ipNext = checkedCount(in.readByte(), IP_SLOTS - 1, "ip ring position");
    for (int i = 0; i < p.ipCount; i++) {
      p.ips[i] = in.readInt();
    }
    for (int i = 0; i < p.keys.length; i++) {
      p.keys[i] = in.readInt();
      p.weights[i] = in.readFloat();
    }
    for (int i = 0; i < p.hours.length; i++) {
      p.hours[i] = in.readFloat();
    }
    p.failureCount = checkedCount(in.readByte(), FAILURE_SLOTS, "failure ring");
    p.failureNext = checkedCount(in.readByte(), FAILURE_SLOTS - 1, "failure ring position");
    for (int i = 0; i < p.failureCount; i++) {
      p.failureSeconds[i] = in.readInt();
      p.failureSources[i] = in.readInt();
    }
    p.successes = in.readInt();
    p.decayDay = in.readInt();
    p.lastEventSecond = in.readInt();
    p.lastSuccessSecond = in.readInt();
    p.lastLat = in.readFloat();
    p.lastLon = in.readFloat();
    p.lastCountry = in.readInt();
    p.lastObscured = in.readBoolean();
    p.lastMobile = in.readBoolean();
    p.loginDay = in.readInt();
    p.loginsToday = in.readShort();
    return p;
  }

  private static byte checkedCount(byte value, int max, String what) throws IOException {
    if (value < 0 || value > max) {
      throw new IOException("corrupt snapshot: " + what + " out of range: " + value);
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserProfile p
        && Arrays.equals(ips, p.ips) && Arrays.equals(keys, p.keys) && Arrays.equals(weights, p.weights)
        && Arrays.equals(hours, p.hours) && Arrays.equals(failureSeconds, p.failureSeconds)
        && Arrays.equals(failureSources, p.failureSources) && ipCount == p.ipCount && ipNext == p.ipNext
        && failureCount == p.failureCount && failureNext == p.failureNext && successes == p.successes
        && decayDay == p.decayDay && lastEventSecond == p.lastEventSecond
        && lastSuccessSecond == p.lastSuccessSecond && Float.compare(lastLat, p.lastLat) == 0
        && Float.compare(lastLon, p.lastLon) == 0 && lastCountry == p.lastCountry
        && lastObscured == p.lastObscured && lastMobile == p.lastMobile
        && loginDay == p.loginDay && loginsToday == p.loginsToday;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(keys) * 31 + successes;
  }

  @Override
  public String toString() {
    return "UserProfile[successes=" + successes + ", ips=" + ipCount + "]";
  }
}
