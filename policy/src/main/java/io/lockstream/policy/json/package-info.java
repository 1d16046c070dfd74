/**
 * JSON front end of the key-policy engine: turns policy text into {@link io.lockstream.policy.PolicyDocument}
 * records with Jackson and enforces KMS's document rules (aws-wire.md §4.4), throwing
 * {@link io.lockstream.policy.MalformedPolicyException} (or its subclass
 * {@link io.lockstream.policy.PolicyTooLargeException}) with the message KMS should return.
 * Entry point: {@link io.lockstream.policy.json.PolicyParser}.
 */
package io.lockstream.policy.json;
