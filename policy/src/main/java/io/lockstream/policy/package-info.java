/** Lockstream policy. */
package io.lockstream.policy;
