/**
 * The supervisors' team board ({@link io.kefu.ui.team.TeamBoardView}): members' workload,
 * unassigned and breaching tickets, reassignment by drag and drop or menu. Reads through the
 * platform's {@code TeamBoard} and {@code Teams}; every reassignment goes through
 * {@code TicketService}, as from the API.
 */
package io.kefu.ui.team;
