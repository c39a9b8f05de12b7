/**
 * The wire protocol: the JSON envelope, its message types, error codes and the codecs that read and
 * write it.
 */
package io.switchboard.protocol;
