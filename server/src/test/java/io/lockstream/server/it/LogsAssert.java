package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** Assertions and helpers shared by the Logs*IT contract tests. */
final class LogsAssert {
    private LogsAssert() {
    }

    /** The call fails with HTTP 400, {@code __type} {@code code} and a message containing {@code message}. */
    static void fails(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CloudWatchLogsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }

    static List<InputLogEvent> events(long timestamp, String... messages) {
        List<InputLogEvent> out = new ArrayList<>();
        for (String m : messages) {
            out.add(InputLogEvent.builder().timestamp(timestamp).message(m).build());
        }
        return out;
    }

    static Duration wait(int seconds) {
        return Duration.ofSeconds(seconds);
    }

    /**
     * A Logs client that rewrites each request body before it is signed: used to send members the SDK's model
     * lacks (unknown members must be ignored) or values the SDK's types cannot express.
     */
    static CloudWatchLogsClient rewriting(java.util.function.UnaryOperator<String> body) {
        ExecutionInterceptor rewrite = new ExecutionInterceptor() {
            @Override
            public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                                                           ExecutionAttributes attributes) {
                String original = context.requestBody().map(b -> {
                    try (var in = b.contentStreamProvider().newStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElse("{}");
                return Optional.of(RequestBody.fromString(body.apply(original)));
            }

            @Override
            public software.amazon.awssdk.http.SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                                                                               ExecutionAttributes attributes) {
                // The new body has a new length; the signer hashes the body it is given afterwards.
                int length = modifyHttpContent(context, attributes).orElseThrow().optionalContentLength()
                        .orElseThrow().intValue();
                return context.httpRequest().toBuilder().putHeader("Content-Length", String.valueOf(length)).build();
            }
        };
        return CloudWatchLogsClient.builder().endpointOverride(TestLockstream.endpoint())
                .region(Region.of(TestLockstream.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(rewrite))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
