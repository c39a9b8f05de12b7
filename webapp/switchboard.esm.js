/**
 * switchboard.esm.js: switchboard.js as an ES module.
 *
 *   import { Client } from './switchboard.esm.js';
 *
 * It runs switchboard.js for its effect (which also defines `globalThis.Switchboard`) and re-exports
 * its names; there is one implementation.
 */
import './switchboard.js';

const Switchboard = globalThis.Switchboard;
export const {
  Client,
  Room,
  SwitchboardError,
  Unauthorized,
  hubUrl,
  uuid,
  tokenExpiry,
  CLOSE_CODES,
  RECONNECT_POLICY,
  SUBPROTOCOL,
} = Switchboard;
export default Switchboard;
