package io.lockstream.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.metrics.LockstreamMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP endpoint for any number of AWS JSON 1.1 services, routed by {@code X-Amz-Target}
 * (aws-wire.md §1.1). Every answer is AWS-shaped: 200 with a JSON body (or an empty body for operations
 * without output), or an error body {@code {"__type", "message"}} with its status; never a stack trace.
 * Unauthenticated: {@code GET /health} and, when {@linkplain #serveMetrics configured}, {@code GET /metrics}.
 * Every API request is counted as {@code lockstream_http_requests_total{service,operation,outcome}}.
 */
public final class AwsJsonServer implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(AwsJsonServer.class);
    /** JSON 1.1 content type, requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Largest request body read: PutLogEvents allows 1 MiB of messages plus JSON framing. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Oversized bodies up to this size are read and discarded before the 413 answer; larger ones are cut off. */
    private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Map<String, ServiceApi> services = new ConcurrentHashMap<>();
    private final Authenticator authenticator;
    private final BooleanSupplier ready;
    private final LockstreamMetrics metrics;
    private volatile Supplier<String> metricsScrape;
    private volatile String metricsContentType;

    /**
     * @param bind address to listen on
     * @param port port, 0 for any free port
     * @param apis the services to serve
     * @param authenticator verifies each request
     * @param ready health: {@code GET /health} answers 200 when true, 503 otherwise
     */
    public AwsJsonServer(String bind, int port, List<ServiceApi> apis, Authenticator authenticator,
                         BooleanSupplier ready) throws IOException {
        this(bind, port, apis, authenticator, ready, LockstreamMetrics.noop());
    }

    /** As above, counting requests in {@code metrics}. */
    public AwsJsonServer(String bind, int port, List<ServiceApi> apis, Authenticator authenticator,
                         BooleanSupplier ready, LockstreamMetrics metrics) throws IOException {
        apis.forEach(this::register);
        this.authenticator = authenticator;
        this.ready = ready;
        this.metrics = metrics;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 256);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(8, 64, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Adds operations; the port is bound at construction, so services that must advertise it (query's
     * interactive-query routing) can be built between construction and {@link #start()}.
     */
    public void register(ServiceApi api) {
        services.merge(api.targetPrefix(), api, (a, b) -> a.plus(b.operations()));
    }

    /**
     * Serves {@code GET /metrics} without authentication (like {@code /health}): {@code scrape} gives the
     * body, e.g. the Prometheus text format. It must hold no secrets, log group names or key ARNs.
     */
    public void serveMetrics(String contentType, Supplier<String> scrape) {
        this.metricsContentType = contentType;
        this.metricsScrape = scrape;
    }

    public void start() {
        server.start();
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && "/health".equals(exchange.getRequestURI().getPath())) {
                boolean up = ready.getAsBoolean();
                byte[] body = (up ? "{\"status\":\"UP\"}" : "{\"status\":\"STARTING\"}").getBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(up ? 200 : 503, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            Supplier<String> scrape = metricsScrape;
            if (scrape != null && "GET".equals(exchange.getRequestMethod())
                    && "/metrics".equals(exchange.getRequestURI().getPath())) {
                byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", metricsContentType);
                exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            Route route = new Route();
            JsonNode response;
            try {
                response = dispatch(exchange, requestId, route);
            } catch (AwsException e) {
                metrics.httpRequest(route.service, route.operation, e.type());
                sendError(exchange, requestId, e);
                return;
            } catch (RuntimeException e) {
                LOGGER.error("request {} failed", requestId, e);
                metrics.httpRequest(route.service, route.operation, LockstreamMetrics.OUTCOME_INTERNAL);
                sendError(exchange, requestId, AwsException.serviceUnavailable("InternalFailure",
                        "The request processing has failed because of an unknown error (request " + requestId + ")."));
                return;
            }
            metrics.httpRequest(route.service, route.operation, LockstreamMetrics.OUTCOME_OK);
            send(exchange, requestId, 200, response == null ? new byte[0] : Json.bytes(response), null);
        }
    }

    /** The metric tags of a request: only a served service and operation, never what the caller sent otherwise. */
    private static final class Route {
        private String service = LockstreamMetrics.UNKNOWN;
        private String operation = LockstreamMetrics.UNKNOWN;
    }

    private JsonNode dispatch(HttpExchange exchange, String requestId, Route route) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new AwsException("UnknownOperationException", "Only POST requests are served here.", 404);
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || target.indexOf('.') < 0) {
            throw new AwsException("UnknownOperationException", "Missing or malformed X-Amz-Target header.");
        }
        int dot = target.indexOf('.');
        ServiceApi api = services.get(target.substring(0, dot));
        String operationName = target.substring(dot + 1);
        Operation operation = api == null ? null : api.operations().get(operationName);
        if (operation == null) {
            throw new AwsException("UnknownOperationException", "Unknown operation " + target + ".");
        }
        route.service = api.signingName();
        route.operation = operationName;
        byte[] body = readBody(exchange);
        Principal caller = authenticator.authenticate(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                rawQuery(exchange), exchange.getRequestHeaders(), body, api.signingName());
        ObjectNode json = Json.parseObject(body);
        return operation.handle(new Call(operationName, caller, new JsonRequest(json, api.validationErrorType()),
                requestId));
    }

    private static String rawQuery(HttpExchange exchange) {
        String q = exchange.getRequestURI().getRawQuery();
        return q == null ? "" : q;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (length == null) {
                byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    throw tooLarge("Request body exceeds the limit of " + MAX_BODY_BYTES + " bytes.");
                }
                return body;
            }
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                throw new AwsException("SerializationException", "Invalid Content-Length.");
            }
            if (declared > MAX_BODY_BYTES) {
                // Discard the body (up to a bound) so the client reads our answer rather than a reset connection.
                if (declared <= DRAIN_LIMIT_BYTES) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                throw tooLarge("Request body of " + declared + " bytes exceeds the limit of " + MAX_BODY_BYTES
                        + " bytes.");
            }
            // Content-Length known (every AWS client sends it): read into one exact buffer.
            byte[] body = in.readNBytes((int) declared);
            if (body.length != declared) {
                throw new AwsException("SerializationException", "Request body shorter than its Content-Length.");
            }
            return body;
        }
    }

    private static AwsException tooLarge(String message) {
        return new AwsException("RequestEntityTooLargeException", message, 413);
    }

    private static void sendError(HttpExchange exchange, String requestId, AwsException e) throws IOException {
        ObjectNode body = Json.object().put("__type", e.type()).put("message", e.getMessage() == null ? "" : e.getMessage());
        send(exchange, requestId, e.status(), Json.bytes(body), e.type());
    }

    private static void send(HttpExchange exchange, String requestId, int status, byte[] body, String errorType)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", CONTENT_TYPE);
        headers.set("x-amzn-RequestId", requestId);
        if (errorType != null) {
            headers.set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
