package io.kefu.platform.team;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Teams for UI view tests (no database). */
public final class TeamFixture {

    private TeamFixture() {
    }

    public static Team team(String code, String name) {
        return new Team(code, name, null, AssignmentStrategy.MANUAL, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
