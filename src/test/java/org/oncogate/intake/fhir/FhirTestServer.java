package org.oncogate.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A real FHIR R4 server for the tests: HAPI's plain {@link RestfulServer} on embedded Jetty (a free
 * port), holding its resources in memory, with every version kept. It serves read (also of a
 * version), search ({@code _lastUpdated}, {@code identifier}) and transactions of conditional
 * updates ({@code PUT Type?identifier=system|value}: update the one match, else create), resolving
 * the Bundle's {@code urn:uuid} references, as a FHIR server does.
 */
final class FhirTestServer implements AutoCloseable {

    private final FhirContext context = FhirContext.forR4();
    private final Map<String, List<Resource>> versions = new HashMap<>();
    private final AtomicInteger transactionsToFail = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private final Server jetty;

    private FhirTestServer() throws Exception {
        RestfulServer server = new RestfulServer(context);
        server.setResourceProviders(List.of(new Provider(Patient.class), new Provider(DocumentReference.class),
                new Provider(DiagnosticReport.class), new Provider(Binary.class), new Provider(Condition.class),
                new Provider(Observation.class)));
        server.registerProvider(new SystemProvider());
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        handler.addServlet(new ServletHolder(server), "/fhir/*");
        jetty = new Server(0);
        jetty.setHandler(handler);
        jetty.start();
    }

    static FhirTestServer start() throws Exception {
        return new FhirTestServer();
    }

    String baseUrl() {
        return "http://localhost:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/fhir";
    }

    FhirContext context() {
        return context;
    }

    /** Stores a new version of the resource (id kept, or assigned) and returns it as stored. */
    synchronized <T extends Resource> T put(T resource) {
        String type = resource.fhirType();
        String id = resource.getIdElement().hasIdPart() ? resource.getIdElement().getIdPart()
                : Integer.toString(nextId.incrementAndGet());
        List<Resource> history = versions.computeIfAbsent(type + "/" + id, k -> new ArrayList<>());
        @SuppressWarnings("unchecked")
        T stored = (T) resource.copy();
        String version = Integer.toString(history.size() + 1);
        stored.setId(new IdType(type, id, version));
        stored.getMeta().setVersionId(version).setLastUpdated(new Date());
        history.add(stored);
        return stored;
    }

    /** The current version of every resource of a type. */
    synchronized List<Resource> all(String type) {
        return versions.entrySet().stream().filter(e -> e.getKey().startsWith(type + "/"))
                .map(e -> e.getValue().get(e.getValue().size() - 1)).toList();
    }

    /** The next {@code count} transactions fail with 500, as a server that is down would. */
    void failTransactions(int count) {
        transactionsToFail.set(count);
    }

    /** Transactions received, failed ones included. */
    int transactions() {
        return transactions.get();
    }

    private synchronized Resource current(IIdType id) {
        List<Resource> history = versions.get(id.getResourceType() + "/" + id.getIdPart());
        if (history == null) {
            throw new ResourceNotFoundException(id);
        }
        if (!id.hasVersionIdPart()) {
            return history.get(history.size() - 1);
        }
        int version = Integer.parseInt(id.getVersionIdPart());
        if (version < 1 || version > history.size()) {
            throw new ResourceNotFoundException(id);
        }
        return history.get(version - 1);
    }

    private synchronized Bundle transaction(Bundle request) {
        transactions.incrementAndGet();
        if (transactionsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new InternalErrorException("the test server is told to fail this transaction");
        }
        Map<String, String> resolved = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : request.getEntry()) {
            resolved.put(entry.getFullUrl(), target(entry));
        }
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent entry : request.getEntry()) {
            Resource resource = entry.getResource().copy();
            for (Reference reference : context.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                if (resolved.containsKey(reference.getReference())) {
                    reference.setReference(resolved.get(reference.getReference()));
                }
            }
            String target = resolved.get(entry.getFullUrl());
            resource.setId(target);
            boolean created = !versions.containsKey(target);
            Resource stored = put(resource);
            response.addEntry().getResponse().setStatus(created ? "201 Created" : "200 OK")
                    .setLocation(stored.getIdElement().getValue());
        }
        return response;
    }

    /** {@code Type/id} a conditional update writes to: the one resource with the identifier, else a new id. */
    private String target(Bundle.BundleEntryComponent entry) {
        String url = entry.getRequest().getUrl();
        if (entry.getRequest().getMethod() != Bundle.HTTPVerb.PUT || url == null || !url.contains("?identifier=")) {
            throw new InvalidRequestException("the test server takes conditional updates on identifier only");
        }
        String type = url.substring(0, url.indexOf('?'));
        String[] token = url.substring(url.indexOf("?identifier=") + 12).split("\\|", 2);
        List<Resource> matches = all(type).stream().filter(r -> identifiers(r).stream()
                .anyMatch(i -> token[0].equals(i.getSystem()) && token[1].equals(i.getValue()))).toList();
        if (matches.size() > 1) {
            throw new InvalidRequestException("conditional update matches more than one resource");
        }
        return matches.isEmpty() ? type + "/" + nextId.incrementAndGet() : type + "/" + matches.get(0).getIdElement().getIdPart();
    }

    static List<Identifier> identifiers(Resource resource) {
        return resource instanceof Condition c ? c.getIdentifier()
                : resource instanceof Observation o ? o.getIdentifier() : List.of();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** Read and search of one resource type. */
    public final class Provider implements IResourceProvider {

        private final Class<? extends Resource> type;

        Provider(Class<? extends Resource> type) {
            this.type = type;
        }

        @Override
        public Class<? extends Resource> getResourceType() {
            return type;
        }

        @Read(version = true)
        public Resource read(@IdParam IdType id) {
            return current(id.withResourceType(context.getResourceType(type)));
        }

        @Search
        public List<Resource> search(@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                     @OptionalParam(name = "identifier") TokenParam identifier) {
            return all(context.getResourceType(type)).stream()
                    .filter(r -> lastUpdated == null || lastUpdated.getLowerBoundAsInstant() == null
                            || !r.getMeta().getLastUpdated().before(lastUpdated.getLowerBoundAsInstant()))
                    .filter(r -> identifier == null || identifiers(r).stream().anyMatch(i ->
                            identifier.getValue().equals(i.getValue())
                                    && (identifier.getSystem() == null || identifier.getSystem().equals(i.getSystem()))))
                    .toList();
        }
    }

    /** The server's transaction endpoint. */
    public final class SystemProvider {

        @Transaction
        public Bundle transaction(@TransactionParam Bundle bundle) {
            return FhirTestServer.this.transaction(bundle);
        }
    }
}
