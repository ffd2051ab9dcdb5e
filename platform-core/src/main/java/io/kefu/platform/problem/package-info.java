/**
 * Refusals with stable codes: invalid input (every field at once), conflicts, not found, failed
 * operations. Domain code throws these; the REST layer turns them into problem+json and the UI
 * shows them next to the field. Depends on nothing else in Kefu.
 */
package io.kefu.platform.problem;
