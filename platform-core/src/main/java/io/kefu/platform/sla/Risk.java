package io.kefu.platform.sla;

/** Where a clock stands, for the UI's countdown: ordered from best to worst for running clocks. */
public enum Risk {
    /** Stopped in time. */
    MET,
    ON_TRACK,
    /** Past the rule's warning percentage. */
    AT_RISK,
    /** Past the due time, running or stopped late. */
    BREACHED
}
