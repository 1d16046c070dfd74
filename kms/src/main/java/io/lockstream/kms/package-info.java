/** Lockstream kms. */
package io.lockstream.kms;
