/**
 * Every Switchboard setting: its name, default, unit and invariant, read through MicroProfile
 * Config and validated at startup.
 */
package io.switchboard.config;
