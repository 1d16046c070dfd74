/** Lockstream ingest. */
package io.lockstream.ingest;
