/**
 * The operators' REST API under {@code /api/admin}: inspect connections, users and rooms,
 * disconnect, announce, drain. Only callers whose verified token carries the {@code admin} group
 * get in; every request is logged with who made it.
 */
package io.switchboard.admin;
