package org.opencac.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencac.core.CodingEngine;
import org.opencac.core.CodingResult;
import org.opencac.core.EngineConfig;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;

/**
 * {@code ./cac code [--lang en|es] [--date-of-service YYYY-MM-DD] [--setting outpatient|inpatient]
 * [--threshold X] [--table] FILE...}: codes each file and prints one JSON object per line
 * ({@code {"file": ..., "suggestions": [...]}}), or a readable table with {@code --table}.
 */
public final class CodeCommand {
    private static final String USAGE = "usage: cac code [--lang en|es] [--date-of-service YYYY-MM-DD] "
            + "[--setting outpatient|inpatient] [--threshold X] [--table] FILE...";

    private CodeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Returns the process exit code: 0 on success, 2 for bad arguments or unreadable input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Language language = Language.EN;
        EncounterType setting = EncounterType.OUTPATIENT;
        LocalDate dateOfService = null;
        Double threshold = null;
        boolean table = false;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--lang" -> language = Language.fromCode(value(args, ++i, "--lang"));
                    case "--setting" -> setting = EncounterType.fromCode(value(args, ++i, "--setting"));
                    case "--date-of-service" -> dateOfService = LocalDate.parse(value(args, ++i, "--date-of-service"));
                    case "--threshold" -> threshold = Double.parseDouble(value(args, ++i, "--threshold"));
                    case "--table" -> table = true;
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("cac code: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (files.isEmpty()) {
            err.println("cac code: no input files");
            err.println(USAGE);
            return 2;
        }
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            try {
                texts.add(readUtf8(file));
            } catch (IOException e) {
                err.println("cac code: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }
        EngineConfig config = EngineConfig.defaults();
        if (threshold != null) {
            config = config.withThreshold(threshold);
        }
        CodingEngine engine = CodingEngine.create(config);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (int i = 0; i < files.size(); i++) {
            Note note = new Note(files.get(i).getFileName().toString(), texts.get(i), setting, dateOfService, language);
            CodingResult result = engine.code(note);
            if (table) {
                printTable(out, files.get(i).toString(), result.suggestions());
            } else {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", files.get(i).toString());
                line.put("suggestions", result.suggestions());
                try {
                    out.println(json.writeValueAsString(line));
                } catch (IOException e) {
                    throw new IllegalStateException("JSON serialisation failed", e);
                }
            }
        }
        out.flush();
        return 0;
    }

    /** Reads a file as strict UTF-8 so binary or mis-encoded input is refused instead of silently mangled. */
    static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8 text", e);
        }
    }

    private static void printTable(PrintStream out, String file, List<CodeSuggestion> suggestions) {
        out.println("== " + file + " (" + suggestions.size() + " suggestions)");
        out.printf(Locale.ROOT, "%-11s %-9s %5s  %-11s %-45s %s%n", "system", "code", "conf", "assertion",
                "description", "evidence");
        for (CodeSuggestion s : suggestions) {
            List<String> evidence = new ArrayList<>();
            for (Evidence e : s.evidence()) {
                evidence.add("\"" + e.text() + "\"@" + e.start() + "-" + e.end());
            }
            out.printf(Locale.ROOT, "%-11s %-9s %5.2f  %-11s %-45s %s%n", s.system(), s.code(), s.confidence(),
                    s.assertion().code(), abbreviate(s.description(), 45), String.join(", ", evidence));
        }
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
