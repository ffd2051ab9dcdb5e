package io.kefu.platform.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who gets a team's next piece of work: the pure rule, no persistence.
 *
 * <p>The rotation is the members ordered by user name, starting with the first one after the
 * cursor (the person last given work) and wrapping around. The cursor is compared by name, not
 * looked up, so a cursor whose person has left the team still points at the right place: the
 * next name after it. Round-robin takes the head of the rotation; least-loaded takes the
 * member with the fewest open tickets, and among equals the one that comes first in the
 * rotation, so equal loads take turns instead of always landing on the same person.
 */
public final class AssigneeChoice {

    private AssigneeChoice() {
    }

    /**
     * @param members user names of the team's members, in any order (duplicates ignored)
     * @param cursor  the user name last given work, or null
     * @param loads   open tickets per user name; a member missing here counts as idle (0)
     * @return the chosen member, or empty for MANUAL or a team without members
     */
    public static Optional<String> choose(AssignmentStrategy strategy, Collection<String> members, String cursor,
                                          Map<String, Long> loads) {
        List<String> rotation = rotation(members, cursor);
        if (strategy == AssignmentStrategy.MANUAL || rotation.isEmpty()) {
            return Optional.empty();
        }
        if (strategy == AssignmentStrategy.ROUND_ROBIN) {
            return Optional.of(rotation.get(0));
        }
        String best = null;
        long bestLoad = Long.MAX_VALUE;
        for (String m : rotation) {
            long load = loads.getOrDefault(m, 0L);
            if (load < bestLoad) {
                best = m;
                bestLoad = load;
            }
        }
        return Optional.of(best);
    }

    /** The members in the order they are next in line: after the cursor by name, wrapping. */
    static List<String> rotation(Collection<String> members, String cursor) {
        // Ordered here, not by the database: collations differ between H2 and PostgreSQL.
        TreeSet<String> sorted = new TreeSet<>(members);
        List<String> order = new ArrayList<>(sorted.size());
        if (cursor == null) {
            order.addAll(sorted);
        } else {
            order.addAll(sorted.tailSet(cursor, false));
            order.addAll(sorted.headSet(cursor, true));
        }
        return order;
    }
}
