package io.kefu.platform.team;

import static io.kefu.platform.team.AssignmentStrategy.LEAST_LOADED;
import static io.kefu.platform.team.AssignmentStrategy.MANUAL;
import static io.kefu.platform.team.AssignmentStrategy.ROUND_ROBIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AssigneeChoiceTest {

    private static final List<String> TEAM = List.of("wang", "li", "zhao");

    private static Optional<String> rr(List<String> members, String cursor) {
        return AssigneeChoice.choose(ROUND_ROBIN, members, cursor, Map.of());
    }

    private static Optional<String> ll(List<String> members, String cursor, Map<String, Long> loads) {
        return AssigneeChoice.choose(LEAST_LOADED, members, cursor, loads);
    }

    @Test
    void manualNeverChoosesAnyone() {
        assertEquals(Optional.empty(), AssigneeChoice.choose(MANUAL, TEAM, null, Map.of()));
        assertEquals(Optional.empty(), AssigneeChoice.choose(MANUAL, TEAM, "li", Map.of("wang", 0L)));
    }

    @Test
    void aTeamWithoutMembersGetsNoOne() {
        for (AssignmentStrategy s : AssignmentStrategy.values()) {
            assertEquals(Optional.empty(), AssigneeChoice.choose(s, List.of(), null, Map.of()), s.name());
            assertEquals(Optional.empty(), AssigneeChoice.choose(s, List.of(), "li", Map.of("li", 0L)), s.name());
        }
    }

    @Test
    void roundRobinStartsWithTheFirstNameAndGoesOnInNameOrder() {
        assertEquals(Optional.of("li"), rr(TEAM, null));
        assertEquals(Optional.of("wang"), rr(TEAM, "li"));
        assertEquals(Optional.of("zhao"), rr(TEAM, "wang"));
    }

    @Test
    void roundRobinWrapsAroundAfterTheLastName() {
        assertEquals(Optional.of("li"), rr(TEAM, "zhao"));
    }

    @Test
    void roundRobinGivesEveryoneTheSameShareOverManyPicks() {
        String cursor = null;
        Map<String, Integer> picks = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            cursor = rr(TEAM, cursor).orElseThrow();
            picks.merge(cursor, 1, Integer::sum);
            order.add(cursor);
        }
        assertEquals(Map.of("li", 3, "wang", 3, "zhao", 3), picks);
        assertEquals(List.of("li", "wang", "zhao", "li", "wang", "zhao", "li", "wang", "zhao"), order);
    }

    @Test
    void aLoneMemberAlwaysGetsTheWork() {
        assertEquals(Optional.of("li"), rr(List.of("li"), null));
        assertEquals(Optional.of("li"), rr(List.of("li"), "li"));
        assertEquals(Optional.of("li"), ll(List.of("li"), "li", Map.of("li", 40L)));
    }

    @Test
    void aCursorWhosePersonLeftPointsAtTheNextNameAfterIt() {
        // "ma" left the team after getting the last ticket: the next in line after "ma" is "wang".
        assertEquals(Optional.of("wang"), rr(TEAM, "ma"));
        // Before everyone: the first name. After everyone: wrap to the first name.
        assertEquals(Optional.of("li"), rr(TEAM, "an"));
        assertEquals(Optional.of("li"), rr(TEAM, "zz"));
    }

    @Test
    void theOrderOfTheGivenMembersDoesNotMatterAndDuplicatesCountOnce() {
        assertEquals(Optional.of("wang"), rr(List.of("zhao", "wang", "li", "wang"), "li"));
        assertEquals(List.of("wang", "zhao", "li"), AssigneeChoice.rotation(Set.of("zhao", "li", "wang"), "li"));
    }

    @Test
    void namesAreOrderedByTheirCharactersNotByTheDatabase() {
        // Upper case sorts before lower case, digits before letters: the same on H2 and PostgreSQL.
        assertEquals(List.of("Zhou", "a1", "ab", "b"), AssigneeChoice.rotation(List.of("b", "ab", "Zhou", "a1"), null));
        assertEquals(Optional.of("a1"), rr(List.of("b", "ab", "Zhou", "a1"), "Zhou"));
    }

    @Test
    void leastLoadedTakesTheMemberWithTheFewestOpenTickets() {
        assertEquals(Optional.of("zhao"), ll(TEAM, null, Map.of("li", 3L, "wang", 2L, "zhao", 1L)));
        assertEquals(Optional.of("li"), ll(TEAM, "li", Map.of("li", 0L, "wang", 2L, "zhao", 1L)),
                "the least loaded gets it even if they had the last one");
    }

    @Test
    void leastLoadedBreaksTiesInRotationOrder() {
        Map<String, Long> loads = Map.of("li", 1L, "wang", 1L, "zhao", 1L);
        assertEquals(Optional.of("li"), ll(TEAM, null, loads));
        assertEquals(Optional.of("wang"), ll(TEAM, "li", loads));
        assertEquals(Optional.of("zhao"), ll(TEAM, "wang", loads));
        assertEquals(Optional.of("li"), ll(TEAM, "zhao", loads), "wraps around");
        // Tie between li and zhao only; after wang the rotation is zhao, li, wang.
        assertEquals(Optional.of("zhao"), ll(TEAM, "wang", Map.of("li", 0L, "wang", 5L, "zhao", 0L)));
    }

    @Test
    void leastLoadedCountsAMemberMissingFromTheLoadsAsIdle() {
        assertEquals(Optional.of("zhao"), ll(TEAM, null, Map.of("li", 2L, "wang", 1L)));
        assertEquals(Optional.of("li"), ll(TEAM, null, Map.of()));
    }

    @Test
    void leastLoadedWithEqualLoadsRotatesAsWorkArrives() {
        // Each pick adds one open ticket to the chosen member: equal loads must take turns.
        Map<String, Long> loads = new HashMap<>(Map.of("li", 0L, "wang", 0L, "zhao", 0L));
        String cursor = null;
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cursor = ll(TEAM, cursor, loads).orElseThrow();
            loads.merge(cursor, 1L, Long::sum);
            order.add(cursor);
        }
        assertEquals(List.of("li", "wang", "zhao", "li", "wang", "zhao"), order);
    }

    @Test
    void leastLoadedFillsUpANewcomerFirst() {
        Map<String, Long> loads = new HashMap<>(Map.of("li", 2L, "wang", 2L, "zhao", 0L));
        String cursor = "li";
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cursor = ll(TEAM, cursor, loads).orElseThrow();
            loads.merge(cursor, 1L, Long::sum);
            order.add(cursor);
        }
        assertEquals(List.of("zhao", "zhao", "li", "wang"), order);
    }

    @Test
    void leastLoadedWithACursorOfSomeoneWhoLeft() {
        Map<String, Long> loads = Map.of("li", 1L, "wang", 1L, "zhao", 1L);
        assertEquals(Optional.of("wang"), ll(TEAM, "ma", loads));
    }
}
