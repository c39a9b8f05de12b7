/**
 * What a verified caller may do: the room and message rules, applied to every command before it
 * runs.
 */
package io.switchboard.access;
