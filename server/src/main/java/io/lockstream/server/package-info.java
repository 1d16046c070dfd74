/** Lockstream server. */
package io.lockstream.server;
