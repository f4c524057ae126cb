package org.oncogate.inference.rules;

import org.oncogate.job.ClinicalNoteEvidence;

/** A mention with where it is in the submitted documents, and its position in reading order. */
record Located(Mention mention, ClinicalNoteEvidence evidence, int order) {
}
