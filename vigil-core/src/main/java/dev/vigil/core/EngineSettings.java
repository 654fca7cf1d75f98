package dev.vigil.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Settings for the whole engine: defaults for every tenant, per-tenant overrides, and limits on state.
 *
 * <p><b>File form</b> (JSON; every part optional, what is left out keeps its default; a tenant's entry is
 * applied on top of the file's defaults; unknown keys are refused so that a typo cannot silently disable a
 * rule):
 * <pre>{@code
 * {"defaults": {"policy": {"challengeAt": 45, "mode": "MONITOR"},
 *               "detection": {"bruteForce": {"failures": 8, "window": "PT10M"}}},
 *  "tenants": {"acme": {"policy": {"mode": "ENFORCE"}}},
 *  "maxSourcesPerLevel": 200000, "allowedLateness": "PT1H", "idempotencyCacheSize": 10000}
 * }</pre>
 *
 * @param tenantDefaults settings of every tenant without an entry of its own
 * @param tenants per-tenant settings (complete: already merged with the defaults)
 * @param maxSourcesPerLevel how many addresses (and networks) each tenant tracks before evicting the least
 *     recently seen
 * @param allowedLateness how far behind a user's latest event an event may be and still teach the profile
 * @param idempotencyCacheSize how many recent assessments are kept to answer a repeated eventId
 * @param modelVersion the version stamped on assessments
 */
public record EngineSettings(TenantSettings tenantDefaults, Map<String, TenantSettings> tenants, int maxSourcesPerLevel,
    Duration allowedLateness, int idempotencyCacheSize, String modelVersion) {

  /** The version of the built-in detectors and weights. */
  public static final String MODEL_VERSION = "2026.11-5";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .build();

  public EngineSettings {
    requireNonNull(tenantDefaults, "tenantDefaults");
    tenants = Map.copyOf(tenants);
    if (maxSourcesPerLevel < 1) {
      throw new InvalidSettingsException("maxSourcesPerLevel must be positive: " + maxSourcesPerLevel);
    }
    if (allowedLateness == null || allowedLateness.isNegative()) {
      throw new InvalidSettingsException("allowedLateness must be a non-negative duration: " + allowedLateness);
    }
    if (idempotencyCacheSize < 0) {
      throw new InvalidSettingsException("idempotencyCacheSize must be >= 0: " + idempotencyCacheSize);
    }
    requireNonNull(modelVersion, "modelVersion");
  }

  public static EngineSettings defaults() {
    return new EngineSettings(TenantSettings.defaults(), Map.of(), 200_000, Duration.ofHours(1), 10_000,
        MODEL_VERSION);
  }

  /** The settings of {@code tenantId}: its own entry, else the defaults. */
  public TenantSettings forTenant(String tenantId) {
    if (tenants.isEmpty()) {
      return tenantDefaults; // the common case, and it spares hashing the tenant id on every login
    }
    TenantSettings own = tenants.get(tenantId);
    return own != null ? own : tenantDefaults;
  }

  /** These settings with the tenant defaults replaced (tenant entries untouched). */
  public EngineSettings withTenantDefaults(TenantSettings newDefaults) {
    return new EngineSettings(newDefaults, tenants, maxSourcesPerLevel, allowedLateness, idempotencyCacheSize,
        modelVersion);
  }

  /** These settings with one tenant's entry set. */
  public EngineSettings withTenant(String tenantId, TenantSettings settings) {
    Map<String, TenantSettings> more = new HashMap<>(tenants);
    more.put(requireNonNull(tenantId, "tenantId"), requireNonNull(settings, "settings"));
    return new EngineSettings(tenantDefaults, more, maxSourcesPerLevel, allowedLateness, idempotencyCacheSize,
        modelVersion);
  }

  /**
   * Reads settings from a JSON file (see the class doc for its form).
   *
   * @throws InvalidSettingsException naming the file and the offending key when it breaks a rule
   * @throws IOException when the file cannot be read
   */
  public static EngineSettings fromJson(Path file) throws IOException {
    requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidSettingsException("settings file not found: " + file, e);
    }
    try {
      return fromJson(text);
    } catch (InvalidSettingsException e) {
      throw new InvalidSettingsException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads settings from JSON text. */
  public static EngineSettings fromJson(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        throw new InvalidSettingsException("settings must be a JSON object");
      }
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!java.util.Set.of("defaults", "tenants", "maxSourcesPerLevel", "allowedLateness",
            "idempotencyCacheSize", "modelVersion").contains(name)) {
          throw new InvalidSettingsException("unknown setting '" + name + "'");
        }
      }
      EngineSettings base = defaults();
      TenantSettings defaults = merge(base.tenantDefaults(), root.get("defaults"), "defaults");
      Map<String, TenantSettings> tenants = new HashMap<>();
      JsonNode tenantNodes = root.get("tenants");
      if (tenantNodes != null) {
        if (!tenantNodes.isObject()) {
          throw new InvalidSettingsException("tenants must be an object keyed by tenant id");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tenantNodes.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          tenants.put(entry.getKey(), merge(defaults, entry.getValue(), "tenants." + entry.getKey()));
        }
      }
      return new EngineSettings(defaults, tenants,
          root.has("maxSourcesPerLevel") ? root.get("maxSourcesPerLevel").asInt() : base.maxSourcesPerLevel(),
          root.has("allowedLateness") ? parseDuration(root.get("allowedLateness"), "allowedLateness")
              : base.allowedLateness(),
          root.has("idempotencyCacheSize") ? root.get("idempotencyCacheSize").asInt() : base.idempotencyCacheSize(),
          root.has("modelVersion") ? root.get("modelVersion").asText() : base.modelVersion());
    } catch (JsonProcessingException e) {
      throw new InvalidSettingsException("malformed settings JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The settings as the JSON a file would hold (every value spelled out). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.set("defaults", JSON.valueToTree(tenantDefaults));
    ObjectNode tenantNodes = root.putObject("tenants");
    new java.util.TreeMap<>(tenants).forEach((id, s) -> tenantNodes.set(id, JSON.valueToTree(s)));
    root.put("maxSourcesPerLevel", maxSourcesPerLevel);
    root.put("allowedLateness", allowedLateness.toString());
    root.put("idempotencyCacheSize", idempotencyCacheSize);
    root.put("modelVersion", modelVersion);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TenantSettings merge(TenantSettings base, JsonNode override, String path)
      throws JsonProcessingException {
    if (override == null || override.isNull()) {
      return base;
    }
    if (!override.isObject()) {
      throw new InvalidSettingsException(path + " must be an object");
    }
    ObjectNode merged = JSON.valueToTree(base);
    deepMerge(merged, (ObjectNode) override);
    try {
      return JSON.treeToValue(merged, TenantSettings.class);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw new InvalidSettingsException(path + ": unknown setting '" + e.getPropertyName() + "' (known: "
          + e.getKnownPropertyIds() + ")", e);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable cause = e.getCause();
      String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      throw new InvalidSettingsException(path + ": " + message, e);
    }
  }

  /** Objects merge key by key; anything else (numbers, strings, arrays, maps of weights' values) replaces. */
  private static void deepMerge(ObjectNode target, ObjectNode source) {
    for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode existing = target.get(entry.getKey());
      if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode sourceObject) {
        deepMerge(existingObject, sourceObject);
      } else {
        target.set(entry.getKey(), entry.getValue());
      }
    }
  }

  private static Duration parseDuration(JsonNode node, String path) {
    try {
      return Duration.parse(node.asText());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidSettingsException(path + " must be an ISO-8601 duration such as PT1H: " + node.asText(), e);
    }
  }

}
