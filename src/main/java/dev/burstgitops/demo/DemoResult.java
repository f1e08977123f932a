package dev.burstgitops.demo;

import dev.burstgitops.record.DecisionRecord;
import java.util.List;

/** What a demo run did: its timeline, the decision history read back from Git, and the figures. */
public record DemoResult(List<DemoEvent> events, List<DecisionRecord> history, DemoSummary summary) {

    public DemoResult {
        events = List.copyOf(events);
        history = List.copyOf(history);
    }

    public List<DemoEvent> eventsOf(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }
}
