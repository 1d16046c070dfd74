/** Lockstream query. */
package io.lockstream.query;
