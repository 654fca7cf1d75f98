package dev.vigil.simulator.evaluation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@code labels.jsonl}: what an event really was.
 *
 * @param eventId the labelled event
 * @param attack whether it was part of an attack
 * @param attackType e.g. {@code ACCOUNT_TAKEOVER}, {@code CREDENTIAL_STUFFING}; null for legitimate events
 * @param attackerModel {@code naive}, {@code vip}, {@code targeted} for takeovers; null otherwise
 * @param campaignId the campaign the attempt belongs to; null for legitimate events
 */
public record GroundTruth(String eventId, boolean attack, @Nullable String attackType, @Nullable String attackerModel,
    @Nullable String campaignId) {
  private static final JsonFactory JSON = new JsonFactory();

  /** Parses one labels line. */
  public static GroundTruth parse(String line) {
    try (JsonParser json = JSON.createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a label must be a JSON object");
      }
      String eventId = null;
      String label = null;
      String type = null;
      String model = null;
      String campaign = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken token = json.nextToken();
        String text = token == JsonToken.VALUE_NULL ? null : token.isScalarValue() ? json.getText() : null;
        if (!token.isScalarValue()) {
          json.skipChildren();
        }
        switch (name) {
          case "eventId" -> eventId = text;
          case "label" -> label = text;
          case "attackType" -> type = text;
          case "attackerModel" -> model = text;
          case "campaignId" -> campaign = text;
          default -> { }
        }
      }
      if (eventId == null || label == null) {
        throw new IllegalArgumentException("a label needs eventId and label");
      }
      return new GroundTruth(eventId, !"legit".equalsIgnoreCase(label), type, model, campaign);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
