package org.opencac.nlp.context;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencac.nlp.align.TextFolding;
import org.opencac.nlp.text.TextSpan;

/**
 * Sentence-level ConText (Harkema et al. 2009): each trigger opens a scope forward, backward or both ways; a scope
 * stops at the sentence edge or at a termination term. Negation scopes also stop after {@code negationMaxWords}
 * words (as in NegEx); the other categories reach the sentence edge, as in ConText. A target is negated,
 * uncertain, historical, hypothetical or non-patient when a trigger of that category has it in scope.
 * Immutable and thread-safe.
 */
public final class ConTextAnalyzer implements ContextAnalyzer {
    /** Negation scope limit in words, so that a negation does not reach across a long run-on sentence. */
    public static final int DEFAULT_NEGATION_MAX_WORDS = 12;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<ContextCategory> SCOPED = EnumSet.of(ContextCategory.NEGATED, ContextCategory.POSSIBLE,
            ContextCategory.HISTORICAL, ContextCategory.HYPOTHETICAL, ContextCategory.FAMILY);

    private final TriggerLexicon lexicon;
    private final int negationMaxWords;

    public ConTextAnalyzer(TriggerLexicon lexicon, int negationMaxWords) {
        this.lexicon = lexicon;
        this.negationMaxWords = negationMaxWords;
    }

    /** A trigger and the text it governs. */
    private record Scoped(TriggerHit hit, ContextCategory category, TextSpan scope) {
    }

    /** A termination term found in the sentence. */
    private record Termination(TextSpan span, ContextCategory terminates) {
        boolean ends(ContextCategory category) {
            return terminates == null || terminates == category;
        }
    }

    @Override
    public List<ContextResult> analyze(String text, TextSpan sentence, List<TextSpan> tokens, List<TextSpan> targets) {
        List<TriggerLexicon.Match> matches = lexicon.find(text, sentence.start(), sentence.end());
        List<Termination> terminations = new ArrayList<>();
        for (TriggerLexicon.Match match : matches) {
            for (LexiconEntry entry : match.entries()) {
                if (entry.category() == ContextCategory.TERMINATE) {
                    terminations.add(new Termination(new TextSpan(match.start(), match.end()), entry.terminates()));
                }
            }
        }
        List<TextSpan> words = words(text, sentence, tokens);
        List<Scoped> scopes = new ArrayList<>();
        for (TriggerLexicon.Match match : matches) {
            for (LexiconEntry entry : match.entries()) {
                if (SCOPED.contains(entry.category())) {
                    TextSpan span = new TextSpan(match.start(), match.end());
                    TriggerHit hit = new TriggerHit(span, entry.category().name().toLowerCase(Locale.ROOT),
                            entry.phrase());
                    addScopes(hit, entry, sentence, terminations, words, scopes);
                }
            }
        }
        List<ContextResult> results = new ArrayList<>(targets.size());
        for (TextSpan target : targets) {
            results.add(resultFor(target, scopes));
        }
        return results;
    }

    private void addScopes(TriggerHit hit, LexiconEntry entry, TextSpan sentence, List<Termination> terminations,
                           List<TextSpan> words, List<Scoped> scopes) {
        ContextCategory category = entry.category();
        int maxWords = category == ContextCategory.NEGATED ? negationMaxWords : Integer.MAX_VALUE;
        if (entry.direction() == Direction.FORWARD || entry.direction() == Direction.BIDIRECTIONAL) {
            int end = Math.min(sentence.end(), windowEndAfter(hit.span().end(), words, maxWords));
            for (Termination termination : terminations) {
                if (termination.ends(category) && termination.span().start() >= hit.span().end()) {
                    end = Math.min(end, termination.span().start());
                }
            }
            scopes.add(new Scoped(hit, category, new TextSpan(hit.span().end(), Math.max(end, hit.span().end()))));
        }
        if (entry.direction() == Direction.BACKWARD || entry.direction() == Direction.BIDIRECTIONAL) {
            int start = Math.max(sentence.start(), windowStartBefore(hit.span().start(), words, maxWords));
            for (Termination termination : terminations) {
                if (termination.ends(category) && termination.span().end() <= hit.span().start()) {
                    start = Math.max(start, termination.span().end());
                }
            }
            scopes.add(new Scoped(hit, category, new TextSpan(Math.min(start, hit.span().start()),
                    hit.span().start())));
        }
    }

    private static ContextResult resultFor(TextSpan target, List<Scoped> scopes) {
        Set<ContextCategory> found = EnumSet.noneOf(ContextCategory.class);
        List<TriggerHit> hits = new ArrayList<>();
        for (Scoped scoped : scopes) {
            // A trigger word that is part of the mention itself ("no" in "no known allergies" as a target) does not count.
            boolean triggerInsideTarget = scoped.hit().span().start() >= target.start()
                    && scoped.hit().span().end() <= target.end();
            if (!triggerInsideTarget && overlaps(scoped.scope(), target)) {
                found.add(scoped.category());
                if (!hits.contains(scoped.hit())) {
                    hits.add(scoped.hit());
                }
            }
        }
        ContextFlags flags = new ContextFlags(found.contains(ContextCategory.NEGATED),
                found.contains(ContextCategory.POSSIBLE), found.contains(ContextCategory.HISTORICAL),
                found.contains(ContextCategory.HYPOTHETICAL), found.contains(ContextCategory.FAMILY));
        return new ContextResult(flags, List.copyOf(hits));
    }

    private static boolean overlaps(TextSpan a, TextSpan b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** Words of the sentence: tokens with a letter or digit, or a simple word scan when no tokens are given. */
    private static List<TextSpan> words(String text, TextSpan sentence, List<TextSpan> tokens) {
        List<TextSpan> words = new ArrayList<>();
        if (tokens == null || tokens.isEmpty()) {
            Matcher matcher = WORD.matcher(text).region(sentence.start(), sentence.end());
            while (matcher.find()) {
                words.add(new TextSpan(matcher.start(), matcher.end()));
            }
            return words;
        }
        for (TextSpan token : tokens) {
            if (hasWordCharacter(text, token.start(), token.end())) {
                words.add(token);
            }
        }
        return words;
    }

    /**
     * Whether {@link #WORD} finds a match in text[start, end), without a Matcher per token: some position holds a
     * letter or number code point (read as the regex reads it: a surrogate pair only when both halves lie in the
     * range).
     */
    static boolean hasWordCharacter(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int codePoint = Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))
                    ? Character.toCodePoint(c, text.charAt(i + 1)) : c;
            if (TextFolding.isLetterOrNumber(codePoint)) {
                return true;
            }
        }
        return false;
    }

    private static int windowEndAfter(int position, List<TextSpan> words, int maxWords) {
        int counted = 0;
        for (TextSpan word : words) {
            if (word.start() >= position && ++counted == maxWords) {
                return word.end();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int windowStartBefore(int position, List<TextSpan> words, int maxWords) {
        int counted = 0;
        for (int i = words.size() - 1; i >= 0; i--) {
            TextSpan word = words.get(i);
            if (word.end() <= position && ++counted == maxWords) {
                return word.start();
            }
        }
        return 0;
    }
}
