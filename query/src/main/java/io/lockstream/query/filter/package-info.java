/**
 * The CloudWatch Logs filter pattern language used by {@code FilterLogEvents}: unstructured terms, {@code %regex%},
 * JSON ({@code { $.selector op value }}) and space-delimited ({@code [field, ...]}) patterns.
 *
 * <p>The only public type is {@link io.lockstream.query.filter.FilterPattern}. A pure library: no I/O, no state,
 * no dependency on the rest of Lockstream except {@code AwsException} for the error. The grammar (EBNF), the
 * matching rules and the documented-but-omitted features are listed in {@code README.md} next to this file.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html">Filter pattern
 *      syntax for metric filters, subscription filters, filter log events, and Live Tail</a>
 */
package io.lockstream.query.filter;
