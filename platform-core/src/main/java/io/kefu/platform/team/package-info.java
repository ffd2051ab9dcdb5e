/**
 * Teams (班组) of agents and supervisors, their members, and automatic assignment inside a team:
 * manual, round-robin or least-loaded. {@link io.kefu.platform.team.TeamAssignment} picks the
 * next person for a team's ticket; {@link io.kefu.platform.team.AssigneeChoice} is the pure rule
 * it applies. Membership never touches tickets.
 */
package io.kefu.platform.team;
