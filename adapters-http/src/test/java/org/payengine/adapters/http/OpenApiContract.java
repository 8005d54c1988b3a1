package org.payengine.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's OpenAPI document ({@code openapi.json}, served at {@code GET /openapi.json}) as a check of real
 * traffic: every request a test sends and every answer it gets goes through {@link #check}, so the document cannot
 * drift from the code. An answer must be listed for its operation (status and media type) and its JSON body must
 * validate against the listed schema (JSON Schema 2020-12, OpenAPI 3.1's dialect). A request that breaks the document
 * (an unknown or ill-typed parameter, a missing API key or header, a body its schema refuses) must be answered 4xx —
 * tests send such requests on purpose, and the engine must refuse exactly those; an operation the document does not
 * have must be answered 404 or 405.
 */
final class OpenApiContract {

    private static final String BASE = "https://payengine.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^/}]+)}");

    /** The document as the engine ships it. */
    static final OpenApiContract ENGINE = new OpenApiContract(readResource());

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final List<Route> routes = new ArrayList<>();

    /** One request and the answer it got, as a test saw them. */
    record Exchange(String method, URI uri, HttpHeaders requestHeaders, byte[] requestBody, int status,
                    HttpHeaders responseHeaders, String responseBody) {
    }

    private OpenApiContract(String text) {
        try {
            this.document = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(BASE, text)));
        document.path("paths").fieldNames().forEachRemaining(template -> routes.add(Route.of(template)));
    }

    JsonNode document() {
        return document;
    }

    /** @throws AssertionError naming the operation and what of the document it breaks */
    void check(Exchange exchange) {
        String method = exchange.method().toLowerCase(Locale.ROOT);
        String path = exchange.uri().getPath();
        Optional<Matched> matched = routes.stream().map(route -> route.match(path)).flatMap(Optional::stream)
                .findFirst();
        Located operation = matched.map(found -> at("/paths/" + escape(found.route().template()) + "/" + method))
                .filter(found -> !found.node().isMissingNode())
                .orElse(null);
        String what = exchange.method() + " " + exchange.uri().getRawPath() + " answered " + exchange.status();
        if (operation == null) {
            require(exchange.status() == 404 || exchange.status() == 405,
                    what + ": the document has no such operation, so it must be answered 404 or 405");
            requireValid(at("/components/schemas/Error"), exchange.responseBody(), what);
            return;
        }
        List<String> requestProblems = requestProblems(operation, matched.get(), exchange);
        Located response = resolve(at(operation.pointer() + "/responses/" + exchange.status()));
        require(!response.node().isMissingNode(), what + ", a status the document does not list for the operation"
                + (requestProblems.isEmpty() ? "" : " (the request breaks it: " + requestProblems + ")")
                + "; body: " + exchange.responseBody());
        if (!requestProblems.isEmpty()) {
            require(exchange.status() >= 400 && exchange.status() < 500, what + " although the request breaks the"
                    + " document (" + requestProblems + "): such a request must be refused (4xx)");
        }
        JsonNode content = response.node().get("content");
        boolean stopping = exchange.status() == 503 && exchange.responseBody().isEmpty()
                && exchange.responseHeaders().firstValue("Content-Type").isEmpty();
        if (content == null || stopping) {
            return; // a stopping engine answers 503 without a body, as the document's description says
        }
        String mediaType = mediaType(exchange.responseHeaders().firstValue("Content-Type").orElse(""));
        require(content.has(mediaType), what + " as " + mediaType + ", a media type the document does not list");
        if (mediaType.equals("application/json")) {
            requireValid(resolve(at(response.pointer() + "/content/" + escape(mediaType) + "/schema")),
                    exchange.responseBody(), what);
        }
    }

    private List<String> requestProblems(Located operation, Matched matched, Exchange exchange) {
        List<String> problems = new ArrayList<>();
        Map<String, Located> parameters = new LinkedHashMap<>();
        for (String level : new String[] {"/paths/" + escape(matched.route().template()), operation.pointer()}) {
            JsonNode declared = at(level + "/parameters").node();
            for (int i = 0; i < declared.size(); i++) {
                Located parameter = resolve(at(level + "/parameters/" + i));
                parameters.put(parameter.node().path("in").asText() + ":"
                        + parameter.node().path("name").asText().toLowerCase(Locale.ROOT), parameter);
            }
        }
        Map<String, List<String>> query = query(exchange.uri().getRawQuery());
        for (String name : query.keySet()) {
            if (!parameters.containsKey("query:" + name.toLowerCase(Locale.ROOT))) {
                problems.add("query parameter " + name + " is not the operation's");
            }
        }
        for (Located parameter : parameters.values()) {
            String name = parameter.node().path("name").asText();
            String in = parameter.node().path("in").asText();
            List<String> values = switch (in) {
                case "query" -> query.getOrDefault(name, List.of());
                case "header" -> exchange.requestHeaders().allValues(name);
                case "path" -> List.of(matched.parameters().get(name));
                default -> List.of();
            };
            if (values.isEmpty() && parameter.node().path("required").asBoolean(false)) {
                problems.add(in + " parameter " + name + " is required");
            }
            Located schema = resolve(at(parameter.pointer() + "/schema"));
            for (String value : values) {
                List<Error> errors = validate(schema, typed(value, schema.node()));
                if (!errors.isEmpty()) {
                    problems.add(in + " parameter " + name + "=" + value + ": " + errors);
                }
            }
        }
        JsonNode security = operation.node().path("security");
        boolean needsKey = security.isArray() && !security.isEmpty();
        if (needsKey && !exchange.requestHeaders().firstValue("Authorization").orElse("").startsWith("Bearer ")) {
            problems.add("no bearer API key");
        }
        problems.addAll(bodyProblems(operation, exchange));
        return problems;
    }

    private List<String> bodyProblems(Located operation, Exchange exchange) {
        Located body = resolve(at(operation.pointer() + "/requestBody"));
        byte[] sent = exchange.requestBody();
        if (body.node().isMissingNode()) {
            return sent.length == 0 ? List.of() : List.of("a body the operation does not take");
        }
        if (sent.length == 0) {
            return body.node().path("required").asBoolean(false) ? List.of("the body is required") : List.of();
        }
        String mediaType = mediaType(exchange.requestHeaders().firstValue("Content-Type").orElse(""));
        if (!body.node().path("content").has(mediaType)) {
            return List.of("a body sent as " + mediaType + ", which the operation does not take");
        }
        if (!mediaType.equals("application/json")) {
            return List.of();
        }
        JsonNode json;
        try {
            json = JSON.readTree(new String(sent, StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            return List.of("a body that is not JSON");
        }
        if (json == null || json.isMissingNode()) {
            return List.of("a body that is not JSON");
        }
        List<Error> errors = validate(resolve(at(body.pointer() + "/content/application~1json/schema")), json);
        return errors.isEmpty() ? List.of() : List.of("the body: " + errors);
    }

    private void requireValid(Located schema, String body, String what) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException notJson) {
            throw new AssertionError(what + " with a body that is not JSON: " + body);
        }
        List<Error> errors = validate(schema, json);
        require(errors.isEmpty(), what + " with a body the document's schema " + schema.pointer() + " refuses: "
                + errors + "\n" + body);
    }

    private List<Error> validate(Located schema, JsonNode instance) {
        return compiled.computeIfAbsent(schema.pointer(),
                pointer -> schemas.getSchema(SchemaLocation.of(BASE + "#" + pointer))).validate(instance);
    }

    /** A parameter's text as the JSON value its schema expects (a query string has only text). */
    private static JsonNode typed(String value, JsonNode schema) {
        String type = schema.path("type").asText("");
        if (type.equals("integer") && value.matches("-?[0-9]{1,18}")) {
            return LongNode.valueOf(Long.parseLong(value));
        }
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        return TextNode.valueOf(value);
    }

    private Located at(String pointer) {
        return new Located(document.at(pointer), pointer);
    }

    /** Follows {@code $ref}s within the document. */
    private Located resolve(Located located) {
        Located current = located;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            if (hops > 8) {
                throw new AssertionError("a $ref cycle at " + located.pointer());
            }
            String reference = current.node().get("$ref").asText();
            if (!reference.startsWith("#")) {
                throw new AssertionError("the document refers outside itself: " + reference);
            }
            current = at(reference.substring(1));
        }
        return current;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.computeIfAbsent(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                    .add(nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    /** The media type without parameters; any {@code application/*+json} is JSON (the engine takes them all). */
    private static String mediaType(String contentType) {
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("application/") && type.endsWith("+json") ? "application/json" : type;
    }

    /** A JSON pointer's escaping of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("Not as openapi.json says: " + message);
        }
    }

    private static String readResource() {
        try (InputStream in = OperationsEndpoints.class.getResourceAsStream(OperationsEndpoints.OPENAPI_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node of the document and the JSON pointer it is at. */
    private record Located(JsonNode node, String pointer) {
    }

    /** A path template of the document, as a pattern. */
    private record Route(String template, Pattern pattern, List<String> names) {

        static Route of(String template) {
            Matcher parameters = TEMPLATE_PARAMETER.matcher(template);
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int end = 0;
            while (parameters.find()) {
                regex.append(Pattern.quote(template.substring(end, parameters.start()))).append("([^/]+)");
                names.add(parameters.group(1));
                end = parameters.end();
            }
            regex.append(Pattern.quote(template.substring(end)));
            return new Route(template, Pattern.compile(regex.toString()), names);
        }

        Optional<Matched> match(String path) {
            Matcher matcher = pattern.matcher(path);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), matcher.group(i + 1));
            }
            return Optional.of(new Matched(this, values));
        }
    }

    private record Matched(Route route, Map<String, String> parameters) {
    }
}
