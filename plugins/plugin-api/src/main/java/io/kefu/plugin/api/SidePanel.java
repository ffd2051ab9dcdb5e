package io.kefu.plugin.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Read-only facts shown next to a ticket in the agent's UI, e.g. a parcel's tracking events.
 * Plain data: the host renders it, a plugin ships no UI code.
 */
@Stable
public record SidePanel(Label title, List<Fact> facts) {

    public SidePanel {
        Objects.requireNonNull(title, "title");
        facts = List.copyOf(facts);
    }

    /** One line: a label, a value, and optionally when it happened. */
    public record Fact(Label label, String value, Instant at) {
        public Fact {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }
}
