package org.opencac.core.stages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencac.core.model.Context;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.TermMatch;
import org.opencac.nlp.sections.Section;

/**
 * Looks the note's tokens up in the dictionaries of the release in force on the date of service. By default a
 * match that lies strictly inside a longer match of the same code system is dropped: "acute myocardial
 * infarction" should not also propose a code for "infarction". The learned ranker keeps every match
 * ({@code keepNested}) and uses "inside a longer match" as one of its features instead.
 */
public final class DictionaryStage implements Stage {
    private final Dictionaries dictionaries;
    private final String language;
    private final LocalDate defaultDateOfService;
    private final boolean keepNested;

    public DictionaryStage(Dictionaries dictionaries, String language, LocalDate defaultDateOfService) {
        this(dictionaries, language, defaultDateOfService, false);
    }

    public DictionaryStage(Dictionaries dictionaries, String language, LocalDate defaultDateOfService,
                           boolean keepNested) {
        this.dictionaries = dictionaries;
        this.language = language;
        this.defaultDateOfService = defaultDateOfService;
        this.keepNested = keepNested;
    }

    @Override
    public String name() {
        return "dictionary";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TOKENS, Layer.SECTIONS);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.MENTIONS);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        List<Span> tokens = note.tokens();
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = tokens.get(i).start();
            ends[i] = tokens.get(i).end();
        }
        LocalDate date = note.note().dateOfService() != null ? note.note().dateOfService() : defaultDateOfService;
        List<TermMatch> matches = dictionaries.matcher(language, date).match(note.text(), starts, ends);
        List<Mention> mentions = new ArrayList<>();
        for (TermMatch match : matches) {
            if ((!keepNested && isInsideLongerMatch(match, matches)) || isInHeading(match, note.sections())) {
                continue;
            }
            Span span = new Span(match.start(), match.end());
            mentions.add(new Mention(span, note.text().substring(match.start(), match.end()), match.system(),
                    match.code(), match.term(), match.termSource(), match.score(), match.release(),
                    sectionAt(note.sections(), match.start()), Context.AFFIRMED));
        }
        return note.withMentions(mentions, Layer.MENTIONS);
    }

    private static boolean isInsideLongerMatch(TermMatch match, List<TermMatch> all) {
        for (TermMatch other : all) {
            if (other != match && other.system() == match.system()
                    && other.start() <= match.start() && match.end() <= other.end()
                    && (other.end() - other.start()) > (match.end() - match.start())) {
                return true;
            }
        }
        return false;
    }

    /** Words of a section heading ("HISTORY OF PRESENT ILLNESS") are not findings. */
    static boolean isInHeading(TermMatch match, List<Section> sections) {
        for (Section section : sections) {
            if (section.start() <= match.start() && match.start() < section.bodyStart()) {
                return true;
            }
        }
        return false;
    }

    static String sectionAt(List<Section> sections, int offset) {
        for (Section section : sections) {
            if (section.start() <= offset && offset < section.end()) {
                return section.type().name();
            }
        }
        return null;
    }
}
