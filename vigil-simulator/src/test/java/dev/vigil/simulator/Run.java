package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.LoginEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A simulation held in memory: events, labels in the same order, and the summary. A test fixture. */
record Run(List<LoginEvent> events, List<Label> labels, SimulationSummary summary) {

  /** 300 users for two weeks: a few thousand events, milliseconds to make. */
  static SimulationSettings small() {
    return SimulationSettings.defaults().withUsers(300).withDays(14);
  }

  static Run of(SimulationSettings settings) {
    List<LoginEvent> events = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    SimulationSummary summary = Simulator.run(settings, (event, label) -> {
      events.add(event);
      labels.add(label);
    });
    assertThat(labels).hasSameSizeAs(events);
    return new Run(List.copyOf(events), List.copyOf(labels), summary);
  }

  int size() {
    return events.size();
  }

  /** Indices of the events whose label matches. */
  List<Integer> where(Predicate<Label> test) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (test.test(labels.get(i))) {
        found.add(i);
      }
    }
    return found;
  }

  List<LoginEvent> eventsWhere(Predicate<Label> test) {
    return where(test).stream().map(events::get).toList();
  }

  /** Each campaign's events, in time order, by campaign id. */
  Map<String, List<LoginEvent>> campaigns(AttackType type) {
    Map<String, List<LoginEvent>> campaigns = new LinkedHashMap<>();
    for (int i : where(label -> label.attackType() == type)) {
      campaigns.computeIfAbsent(labels.get(i).campaignId(), id -> new ArrayList<>()).add(events.get(i));
    }
    return campaigns;
  }

  /** Every user's legitimate events in time order, keyed by tenant and user id. */
  Map<String, List<LoginEvent>> legitimateByUser() {
    Map<String, List<LoginEvent>> byUser = new LinkedHashMap<>();
    for (int i : where(label -> !label.isAttack())) {
      LoginEvent event = events.get(i);
      byUser.computeIfAbsent(key(event), k -> new ArrayList<>()).add(event);
    }
    return byUser;
  }

  static String key(LoginEvent event) {
    return event.tenantId() + "/" + event.userId();
  }
}
