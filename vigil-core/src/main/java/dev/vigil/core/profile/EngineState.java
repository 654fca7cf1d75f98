package dev.vigil.core.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All tenants' state, and its snapshot format.
 *
 * <p><b>Snapshot format</b> (big-endian, {@link DataOutput}): magic {@code "VGLS"}, format version
 * ({@value #FORMAT_VERSION}), tenant count, then per tenant (sorted by id, so equal states write equal bytes):
 * tenant id, population statistics, failure baseline, user count, then per user (sorted): user id and
 * profile. The engine appends its per-tenant anomaly models after this part. Source activity is not written: every rule that reads it looks back at most an hour, and a restart
 * that forgets an hour of per-source failures costs less than snapshotting millions of rotating addresses.
 * A reader refuses other magic values and newer versions with a message that says so.
 *
 * <p>Not thread-safe; owned by the engine's thread.
 */
public final class EngineState {
  /** The snapshot format this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;
  private static final int MAGIC = 0x56474C53; // "VGLS"

  private final int maxSourcesPerLevel;
  private final Map<String, TenantState> tenants = new HashMap<>();

  public EngineState(int maxSourcesPerLevel) {
    this.maxSourcesPerLevel = maxSourcesPerLevel;
  }

  /** The tenant's state, created on first sight. */
  public TenantState tenant(String tenantId) {
    return tenants.computeIfAbsent(tenantId, id -> new TenantState(maxSourcesPerLevel));
  }

  /** The tenant's state if the engine has seen the tenant; never creates one. */
  public java.util.Optional<TenantState> existingTenant(String tenantId) {
    return java.util.Optional.ofNullable(tenants.get(tenantId));
  }

  /** User profiles over all tenants. */
  public int profileCount() {
    int count = 0;
    for (TenantState tenant : tenants.values()) {
      count += tenant.userCount();
    }
    return count;
  }

  /** Writes the header and every tenant's state; the caller may append further sections to {@code out}. */
  public void writeSnapshot(DataOutput out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    Map<String, TenantState> sorted = new TreeMap<>(tenants);
    out.writeInt(sorted.size());
    for (Map.Entry<String, TenantState> entry : sorted.entrySet()) {
      TenantState tenant = entry.getValue();
      out.writeUTF(entry.getKey());
      tenant.population().writeTo(out);
      tenant.activity().writeTo(out);
      TreeMap<String, UserProfile> users = new TreeMap<>();
      tenant.forEachUser(users::put);
      out.writeInt(users.size());
      for (Map.Entry<String, UserProfile> user : users.entrySet()) {
        out.writeUTF(user.getKey());
        user.getValue().writeTo(out);
      }
    }
  }

  /**
   * Replaces this state's tenants with those of a snapshot.
   *
   * @throws IOException when the stream is not a Vigil snapshot, is of a newer format, or is truncated
   */
  public void readSnapshot(DataInput in) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException("not a Vigil state snapshot (bad magic number)");
    }
    int version = in.readInt();
    if (version < 1 || version > FORMAT_VERSION) {
      throw new IOException("snapshot format version " + version + " is not supported (this Vigil reads 1 to "
          + FORMAT_VERSION + ")");
    }
    int tenantCount = in.readInt();
    List<Map.Entry<String, TenantState>> read = new ArrayList<>(tenantCount);
    for (int t = 0; t < tenantCount; t++) {
      String tenantId = in.readUTF();
      TenantState tenant = new TenantState(maxSourcesPerLevel);
      tenant.population().readFrom(in);
      tenant.activity().readFrom(in);
      int userCount = in.readInt();
      for (int u = 0; u < userCount; u++) {
        String userId = in.readUTF();
        tenant.putUser(userId, UserProfile.readFrom(in));
      }
      read.add(Map.entry(tenantId, tenant));
    }
    tenants.clear();
    for (Map.Entry<String, TenantState> entry : read) {
      tenants.put(entry.getKey(), entry.getValue());
    }
  }
}
