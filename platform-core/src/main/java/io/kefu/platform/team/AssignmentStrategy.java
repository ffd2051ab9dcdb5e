package io.kefu.platform.team;

/** How a team's new work finds a person. */
public enum AssignmentStrategy {
    /** A person chooses; Kefu proposes no one. */
    MANUAL,
    /** Members in turn, ordered by user name. */
    ROUND_ROBIN,
    /** The member with the fewest open tickets; equal loads take turns. */
    LEAST_LOADED
}
