package org.opencac.eval.codiesp;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gold standard of one CodiEsp split: document-level codes (D and P files) and text references (X file).
 *
 * @param codes      every (document, type, code) of the D and P files
 * @param references every row of the X file
 */
public record CodiespGold(String splitName, Set<CodeKey> codes, List<GoldReference> references) {
    public CodiespGold {
        codes = Set.copyOf(codes);
        references = List.copyOf(references);
    }

    /** The gold codes of one type, grouped by document. */
    public Map<String, Set<String>> codesByDocument(CodeType type) {
        Map<String, Set<String>> byDocument = new HashMap<>();
        for (CodeKey key : codes) {
            if (key.type() == type) {
                byDocument.computeIfAbsent(key.docId(), id -> new LinkedHashSet<>()).add(key.code());
            }
        }
        return byDocument;
    }

    public Set<String> documentIds() {
        Set<String> ids = new LinkedHashSet<>();
        codes.forEach(key -> ids.add(key.docId()));
        references.forEach(reference -> ids.add(reference.key().docId()));
        return ids;
    }
}
