/** Lockstream encryptor. */
package io.lockstream.encryptor;
