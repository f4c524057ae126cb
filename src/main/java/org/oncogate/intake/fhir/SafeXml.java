package org.oncogate.intake.fhir;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Screens an XML body before HAPI parses it: FHIR XML never has a document type declaration, so a
 * DTD (the carrier of external entities and of entity expansion bombs such as the billion laughs)
 * is refused outright, unread. The screening reader itself supports no DTDs and no external
 * entities, resolves nothing, and keeps the JDK's secure-processing limits (element depth,
 * attribute count, entity expansion) on.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    static void screen(byte[] xml) throws FhirRefusal {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.DTD) {
                    throw new FhirRefusal(FhirRefusal.Reason.MALFORMED, "XmlDoctypeNotAllowed",
                            "the XML has a document type declaration (DTD); FHIR XML has none and it is not read",
                            location(reader));
                }
            }
        } catch (XMLStreamException e) {
            throw new FhirRefusal(FhirRefusal.Reason.MALFORMED, "MalformedXml", "the body is not well-formed XML",
                    e.getLocation() == null ? null
                            : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber());
        } catch (RuntimeException e) {
            // the JDK's StAX reader fails on some broken DTDs while formatting its own error message
            throw new FhirRefusal(FhirRefusal.Reason.MALFORMED, "MalformedXml", "the body is not well-formed XML", null);
        } finally {
            close(reader);
        }
    }

    private static String location(XMLStreamReader reader) {
        return "line " + reader.getLocation().getLineNumber() + ", column " + reader.getLocation().getColumnNumber();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was held open but the reader itself
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not resolved");
        });
        return factory;
    }
}
