/** The hub's MicroProfile Health checks: started, alive, and ready to take connections. */
package io.switchboard.health;
