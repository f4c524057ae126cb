package org.oncogate.inference.rules;

import org.oncogate.job.ClinicalNoteEvidence;

/**
 * A mention with where it is in the submitted documents, its position in reading order, and its document's
 * position in time (0 for the earliest document of the patient).
 */
record Located(Mention mention, ClinicalNoteEvidence evidence, int order, int document) {
}
