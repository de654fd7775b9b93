package org.opencac.nlp.classify.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.opencac.nlp.classify.CodeLabels;
import org.opencac.nlp.classify.CodeScore;
import org.opencac.nlp.text.TextSpan;

/** Reads one split of the CodiEsp gold (texts, D/P code sets, X evidence rows) for the training tools. */
public final class CodiEspCorpus {
    /** A gold document: Spanish text, English lines (joined by \n) and its labels ({@link CodeLabels}). */
    public record Document(String id, String spanish, String english, Set<String> labels) {
        public Document {
            labels = Set.copyOf(labels);
        }
    }

    /** One X row: a code and its evidence spans in the Spanish text. */
    public record Evidence(String docId, String system, String code, String text, List<TextSpan> spans) {
        public Evidence {
            spans = List.copyOf(spans);
        }
    }

    private CodiEspCorpus() {
    }

    /** The folder holding train/ and dev/, given either it or the CodiEsp root above it. */
    public static Path splitsRoot(Path gold) {
        Path inner = gold.resolve("final_dataset_v4_to_publish");
        return Files.isDirectory(inner) ? inner : gold;
    }

    /** Documents of a split in file-name order. */
    public static List<Document> documents(Path gold, String split) throws IOException {
        Path dir = splitsRoot(gold).resolve(split);
        Map<String, Set<String>> labels = new HashMap<>();
        readCodes(dir.resolve(split + "D.tsv"), CodeScore.ICD10CM, labels);
        readCodes(dir.resolve(split + "P.tsv"), CodeScore.ICD10PCS, labels);
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("text_files"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.txt$", "");
                String spanish = Files.readString(file, StandardCharsets.UTF_8);
                Path englishFile = dir.resolve("text_files_en").resolve(file.getFileName());
                String english = Files.exists(englishFile) ? Files.readString(englishFile, StandardCharsets.UTF_8) : "";
                documents.add(new Document(id, spanish, english, labels.getOrDefault(id, Set.of())));
            }
        }
        return documents;
    }

    private static void readCodes(Path tsv, String system, Map<String, Set<String>> labels) throws IOException {
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length >= 2) {
                labels.computeIfAbsent(fields[0], k -> new LinkedHashSet<>()).add(CodeLabels.label(system, fields[1]));
            }
        }
    }

    /** The X rows of a split, grouped by document id (in file order). */
    public static Map<String, List<Evidence>> evidence(Path gold, String split) throws IOException {
        Path tsv = splitsRoot(gold).resolve(split).resolve(split + "X.tsv");
        Map<String, List<Evidence>> byDoc = new TreeMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length < 5) {
                continue;
            }
            String system = fields[1].equals("DIAGNOSTICO") ? CodeScore.ICD10CM : CodeScore.ICD10PCS;
            List<TextSpan> spans = new ArrayList<>();
            for (String part : fields[4].split(";")) {
                String[] bounds = part.trim().split(" ");
                spans.add(new TextSpan(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])));
            }
            byDoc.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(new Evidence(fields[0], system,
                    CodeLabels.code(CodeLabels.label(system, fields[2])), fields[3], spans));
        }
        return byDoc;
    }
}
