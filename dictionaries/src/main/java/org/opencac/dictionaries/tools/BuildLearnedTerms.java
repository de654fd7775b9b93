package org.opencac.dictionaries.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Codes;

/**
 * Builds the learned-terms resource from CodiEsp X files (evidence spans):
 * {@code BuildLearnedTerms --gold <codiesp final_dataset dir> --splits train[,dev] --out <file[.gz]>}.
 * Output lines are {@code system<TAB>code<TAB>evidence<TAB>count}, sorted, so the file is reproducible.
 * The bundled resource is built from the train split only.
 */
public final class BuildLearnedTerms {

    private BuildLearnedTerms() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Cli.options(args);
        Path gold = Path.of(Cli.required(options, "gold"));
        String[] splits = Cli.required(options, "splits").split(",");
        Path out = Path.of(Cli.required(options, "out"));

        Map<String, Integer> counts = new TreeMap<>();
        int rows = 0;
        for (String split : splits) {
            Path file = gold.resolve(split).resolve(split + "X.tsv");
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] fields = line.split("\t");
                    if (fields.length < 4) {
                        continue;
                    }
                    CodeSystem system = fields[1].equals("DIAGNOSTICO") ? CodeSystem.ICD10CM : CodeSystem.ICD10PCS;
                    String code = Codes.canonical(system, fields[2]);
                    String evidence = fields[3].strip().replaceAll("\\s+", " ");
                    if (evidence.isEmpty()) {
                        continue;
                    }
                    counts.merge(system.displayName() + '\t' + code + '\t' + evidence, 1, Integer::sum);
                    rows++;
                }
            }
        }
        try (OutputStream raw = Files.newOutputStream(out);
             OutputStream stream = out.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
             Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            writer.write("# OpenCAC learned terms from CodiEsp evidence spans (CC BY 4.0), splits="
                    + String.join(",", splits) + "\n");
            writer.write("# system\tcode\tterm\tcount\n");
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                writer.write(entry.getKey() + '\t' + entry.getValue() + '\n');
            }
        }
        System.out.printf("read %d evidence rows from %s; wrote %d distinct (code, term) pairs to %s%n",
                rows, String.join(",", splits), counts.size(), out);
    }
}
