package io.kefu.platform.form;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.kefu.platform.ticket.TicketKind;

/**
 * A named group of custom fields and the tickets (by kind and category) or customers that get
 * it. Immutable: a change is a new version (see {@link FormDefinitions}).
 *
 * @param kinds      empty: every kind
 * @param categories empty: every category (and tickets without one)
 */
public record Form(String key, FormTarget target, List<TicketKind> kinds, List<String> categories, LocalizedText label,
                   List<FieldDefinition> fields) {

    public Form {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
        kinds = List.copyOf(kinds);
        categories = List.copyOf(categories);
        fields = List.copyOf(fields);
    }

    /** Whether a ticket of this kind and category gets this form. */
    public boolean appliesTo(TicketKind kind, String category) {
        if (target != FormTarget.TICKET) {
            return false;
        }
        return (kinds.isEmpty() || (kind != null && kinds.contains(kind)))
                && (categories.isEmpty() || (category != null && categories.contains(category)));
    }

    public Optional<FieldDefinition> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }
}
