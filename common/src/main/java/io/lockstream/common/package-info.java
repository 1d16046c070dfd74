/**
 * Pieces every Lockstream service shares: the AWS JSON 1.1 wire protocol and its errors, SigV4 verification,
 * ARNs, the key-service seam, the event envelope and Kafka helpers.
 */
package io.lockstream.common;
