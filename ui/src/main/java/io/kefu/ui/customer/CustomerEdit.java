package io.kefu.ui.customer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.kefu.platform.customer.CustomerChanges;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.customer.CustomerStatus;

/**
 * The editable facts of a customer as one person sees or types them, and the three-way merge
 * when someone else saved first: what only they changed is taken, what only this user changed is
 * kept, and what both changed differently is a conflict the user decides field by field.
 */
public record CustomerEdit(String name, String grade, CustomerStatus status, String externalId) implements Serializable {

    /** The fields, by the names the platform's errors use. */
    public enum Field {
        NAME("name"), GRADE("grade"), STATUS("status"), EXTERNAL_ID("externalId");

        final String path;

        Field(String path) {
            this.path = path;
        }
    }

    public static CustomerEdit of(CustomerDetails c) {
        return new CustomerEdit(c.name(), c.grade(), c.status(), c.externalId());
    }

    /** Blank texts as the platform stores them (no grade, no external id). */
    public CustomerEdit {
        grade = blankToNull(grade);
        externalId = blankToNull(externalId);
        name = name == null ? "" : name;
    }

    public Object get(Field f) {
        return switch (f) {
            case NAME -> name;
            case GRADE -> grade;
            case STATUS -> status;
            case EXTERNAL_ID -> externalId;
        };
    }

    public CustomerEdit with(Field f, Object value) {
        return switch (f) {
            case NAME -> new CustomerEdit((String) value, grade, status, externalId);
            case GRADE -> new CustomerEdit(name, (String) value, status, externalId);
            case STATUS -> new CustomerEdit(name, grade, (CustomerStatus) value, externalId);
            case EXTERNAL_ID -> new CustomerEdit(name, grade, status, (String) value);
        };
    }

    /** Fields whose value here differs from {@code other}'s. */
    public List<Field> differences(CustomerEdit other) {
        List<Field> out = new ArrayList<>();
        for (Field f : Field.values()) {
            if (!Objects.equals(get(f), other.get(f))) {
                out.add(f);
            }
        }
        return out;
    }

    /** The platform's partial change from {@code base} (what was read) to this, at {@code version}. */
    public CustomerChanges changesFrom(CustomerEdit base, long version) {
        List<Field> changed = base.differences(this);
        return new CustomerChanges(version,
                changed.contains(Field.NAME) ? new CustomerChanges.Change(name) : null,
                changed.contains(Field.GRADE) ? new CustomerChanges.Change(grade) : null,
                changed.contains(Field.STATUS) ? new CustomerChanges.Change(status.name()) : null,
                changed.contains(Field.EXTERNAL_ID) ? new CustomerChanges.Change(externalId) : null,
                null);
    }

    /**
     * The outcome of merging: {@code merged} holds theirs where only they changed, mine elsewhere
     * (conflicting fields included, until the user chooses).
     */
    public record Merge(CustomerEdit merged, List<Field> conflicts, List<Field> takenFromTheirs) implements Serializable {
    }

    /** Three-way merge of {@code mine} and {@code theirs}, both edited from {@code base}. */
    public static Merge merge(CustomerEdit base, CustomerEdit mine, CustomerEdit theirs) {
        CustomerEdit merged = mine;
        List<Field> conflicts = new ArrayList<>();
        List<Field> taken = new ArrayList<>();
        for (Field f : Field.values()) {
            boolean iChanged = !Objects.equals(base.get(f), mine.get(f));
            boolean theyChanged = !Objects.equals(base.get(f), theirs.get(f));
            if (theyChanged && !iChanged) {
                merged = merged.with(f, theirs.get(f));
                taken.add(f);
            } else if (theyChanged && !Objects.equals(mine.get(f), theirs.get(f))) {
                conflicts.add(f);
            }
        }
        return new Merge(merged, List.copyOf(conflicts), List.copyOf(taken));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
