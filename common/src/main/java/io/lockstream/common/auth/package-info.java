/**
 * Who is calling and how we know: AWS Signature Version 4 for the AWS JSON 1.1 services Lockstream clones.
 *
 * <p>{@link io.lockstream.common.auth.SigV4Verifier} checks the {@code Authorization} header of a
 * {@link io.lockstream.common.auth.SignedRequest} against a {@link io.lockstream.common.auth.CredentialStore} and
 * answers with a {@link io.lockstream.common.auth.VerifiedCaller} or an AWS-shaped error;
 * {@link io.lockstream.common.auth.SigV4Signer} signs Lockstream's own outgoing requests the way the AWS SDK for
 * Java v2 does. The rules follow the IAM user guide's "Create a signed AWS API request" and what the AWS CLI and
 * the Java SDK send (shared/reference/aws-wire.md §1.3). Nothing here logs, and no error message carries a secret
 * key or a computed signature.
 *
 * <p>All parameters and return values are non-null unless documented otherwise.
 */
package io.lockstream.common.auth;
