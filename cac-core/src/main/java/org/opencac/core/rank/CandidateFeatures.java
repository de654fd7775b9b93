package org.opencac.core.rank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.stages.GappedTermMatcher;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.TermSources;
import org.opencac.nlp.classify.CodeScore;
import org.opencac.nlp.sections.SectionType;
import org.opencac.nlp.text.TextSpan;

/**
 * The ranker's candidates of a note and their features. This one class is used both to build training rows and at
 * run time, so the model always sees features computed the same way. Every feature is a plain number, most in
 * 0..1; the names ({@link #NAMES}) are the model's input columns.
 */
public final class CandidateFeatures {
    /** Term source learned from the projected English translations of CodiEsp train evidence. */
    public static final String PROJECTED_SOURCE = "codiesp-train-en-projected";

    private static final List<String> SECTIONS = List.of("none", "history", "family", "exam_results",
            "procedures", "diagnoses", "other");

    /** Feature names in the order of {@link #vector}. */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(List.of(
                "const", "has_mention", "best_match", "mean_match",
                "src_title", "src_index", "src_inclusion", "src_learned", "src_projected", "gapped_share", "gapped_only", "partial_share",
                "log_mentions", "log_terms", "nested_share", "all_nested", "contains_shorter",
                "tp_best", "tp_mean", "tp_support", "tp_unseen", "tp_best_x_present",
                "neg_share", "unc_share", "hist_share", "fam_share", "hyp_share", "present_any",
                "first_pos", "prior", "prior_zero",
                "clf_score", "clf_known", "clf_rank_inv", "clf_top5", "clf_only",
                "same_cat_others", "more_specific", "less_specific",
                "is_pcs", "pcs_prefix4", "pcs_full", "cm_category_only", "code_len",
                "x_tp_match", "x_tp_support", "x_clf_mention", "x_clf_tp", "x_prior_clf_only", "x_pcs_tp",
                "x_pcs_clf",
                // Code-level evidence (TermStatistics.codeMentions): how often the code is coded when mentioned
                // at all, and how often it is coded without any mention (what a classifier-only candidate needs).
                "code_tp", "code_tp_support", "x_code_tp_unseen", "prior_unmentioned", "x_prior_unmentioned_clf",
                // Matches found by comparing word stems only (GappedTermMatcher.stemmed).
                "stem_share", "stem_only"));
        for (String section : SECTIONS) {
            names.add("sec_" + section);
        }
        // Added for the translated Spanish vocabulary (a candidate found through a translated official term).
        names.add("src_translated");
        // Competition among siblings of one 3-character category (an ICD-10-PCS operation on several body parts,
        // an ICD-10-CM category with several subcodes): is this candidate's best term precision the category's best?
        names.add("cat_tp_lead");
        names.add("cat_tp_gap");
        NAMES = List.copyOf(names);
    }

    private CandidateFeatures() {
    }

    /**
     * Groups a note's mentions by code and adds the classifier's {@code topK} best codes; candidates come in a
     * stable order (mentions first, by first offset; then classifier codes by rank).
     */
    public static List<RankCandidate> candidates(AnalyzedNote note, List<CodeScore> classifierScores, int topK) {
        Map<String, List<Mention>> byCode = new LinkedHashMap<>();
        Map<String, CodeSystem> systems = new LinkedHashMap<>();
        Map<String, String> codes = new LinkedHashMap<>();
        for (Mention mention : note.mentions()) {
            if (mention.system() != CodeSystem.ICD10CM && mention.system() != CodeSystem.ICD10PCS) {
                continue;
            }
            String key = TermStatistics.codeKey(mention.system().displayName(), mention.code());
            byCode.computeIfAbsent(key, k -> new ArrayList<>()).add(mention);
            systems.put(key, mention.system());
            codes.put(key, mention.code());
        }
        Set<String> mentionedCodes = new HashSet<>(codes.values());
        Map<String, Integer> rankOf = new LinkedHashMap<>();
        Map<String, CodeScore> scoreOf = new LinkedHashMap<>();
        for (int r = 0; r < classifierScores.size(); r++) {
            CodeScore score = classifierScores.get(r);
            if (r >= topK && !mentionedCodes.contains(score.code())) {
                continue; // below the top K only mentioned codes need their score and rank
            }
            String key = TermStatistics.codeKey(score.system(), score.code());
            rankOf.putIfAbsent(key, r);
            scoreOf.putIfAbsent(key, score);
            if (r < topK && !byCode.containsKey(key)) {
                byCode.put(key, new ArrayList<>());
                systems.put(key, CodeSystem.fromDisplayName(score.system()));
                codes.put(key, score.code());
            }
        }
        List<RankCandidate> candidates = new ArrayList<>();
        for (Map.Entry<String, List<Mention>> entry : byCode.entrySet()) {
            String key = entry.getKey();
            CodeScore score = scoreOf.get(key);
            List<Span> evidence = new ArrayList<>();
            if (score != null) {
                for (TextSpan span : score.evidenceSpans()) {
                    evidence.add(new Span(span.start(), span.end()));
                }
            }
            candidates.add(new RankCandidate(systems.get(key), codes.get(key), entry.getValue(),
                    score == null ? -1 : score.score(), rankOf.getOrDefault(key, -1), evidence));
        }
        return candidates;
    }

    /** The features of every candidate, one row per candidate, columns as {@link #NAMES}. */
    public static double[][] vectors(AnalyzedNote note, List<RankCandidate> candidates, TermStatistics stats) {
        Set<String> keys = new HashSet<>();
        candidates.forEach(c -> keys.add(c.system().displayName() + '|' + c.code()));
        NoteIndex index = new NoteIndex(note, candidates);
        double[][] rows = new double[candidates.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vector(note, candidates.get(i), candidates, keys, stats, index);
        }
        addCategoryCompetition(candidates, rows);
        return rows;
    }

    /**
     * Sets the sibling-competition columns once every row has its own tp_best: when a note's evidence names an
     * operation but the body part only weakly, several siblings share the mention, and the one whose terms coders
     * chose most often is the likelier code. A candidate without siblings in its category leads with no gap.
     */
    static void addCategoryCompetition(List<RankCandidate> candidates, double[][] rows) {
        Map<String, double[]> bestTwo = new java.util.HashMap<>();
        String[] categories = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            categories[i] = categoryKey(candidates.get(i));
            double[] top = bestTwo.computeIfAbsent(categories[i], k -> new double[] {-1, -1});
            double tp = rows[i][F_TP_BEST];
            if (tp > top[0]) {
                top[1] = top[0];
                top[0] = tp;
            } else if (tp > top[1]) {
                top[1] = tp;
            }
        }
        for (int i = 0; i < rows.length; i++) {
            double[] top = bestTwo.get(categories[i]);
            double tp = rows[i][F_TP_BEST];
            // The best of the others: the runner-up when this row holds the best value, else the best.
            double bestOther = tp == top[0] ? top[1] : top[0];
            rows[i][F_CAT_TP_LEAD] = tp >= bestOther ? 1.0 : 0.0;
            rows[i][F_CAT_TP_GAP] = Math.max(0.0, bestOther - tp);
        }
    }

    /** "ICD10PCS|BW2": the system and the code's first three characters (the whole code when shorter). */
    private static String categoryKey(RankCandidate candidate) {
        String code = candidate.code();
        StringBuilder key = new StringBuilder(candidate.system().name().length() + 4)
                .append(candidate.system().name()).append('|');
        for (int i = 0, taken = 0; i < code.length() && taken < 3; i++) {
            if (code.charAt(i) != '.') {
                key.append(code.charAt(i));
                taken++;
            }
        }
        return key.toString();
    }

    static double[] vector(AnalyzedNote note, RankCandidate candidate, List<RankCandidate> all, Set<String> keys,
                           TermStatistics stats, NoteIndex index) {
        FeatureRow f = new FeatureRow();
        f.put(F_CONST, 1.0);
        List<Mention> mentions = candidate.mentions();
        int n = mentions.size();
        String codeKey = candidate.key();
        if (n > 0) {
            f.put(F_HAS_MENTION, 1.0);
            double best = 0;
            double sum = 0;
            double tpBest = 0;
            double tpSum = 0;
            int bestSupport = 0;
            boolean allUnseen = true;
            int nested = 0;
            int neg = 0;
            int unc = 0;
            int hist = 0;
            int fam = 0;
            int hyp = 0;
            boolean presentAny = false;
            boolean containsShorter = false;
            int first = Integer.MAX_VALUE;
            Set<String> texts = new HashSet<>();
            Map<String, Integer> sections = new LinkedHashMap<>();
            int gapped = 0;
            int partial = 0;
            int stem = 0;
            for (Mention m : mentions) {
                if (m.termSource() != null && m.termSource().endsWith(GappedTermMatcher.STEM_SUFFIX)) {
                    stem++;
                }
                if (m.termSource() != null && m.termSource().endsWith(GappedTermMatcher.SUFFIX)) {
                    gapped++;
                }
                if (m.termSource() != null && m.termSource().endsWith(GappedTermMatcher.PARTIAL_SUFFIX)) {
                    partial++;
                }
                best = Math.max(best, m.matchScore());
                sum += m.matchScore();
                String source = m.termSource();
                switch (sourceGroup(source)) {
                    case "title" -> f.put(F_SRC_TITLE, 1.0);
                    case "index" -> f.put(F_SRC_INDEX, 1.0);
                    case "inclusion" -> f.put(F_SRC_INCLUSION, 1.0);
                    case "learned" -> f.put(F_SRC_LEARNED, 1.0);
                    case "projected" -> f.put(F_SRC_PROJECTED, 1.0);
                    case "translated" -> f.put(F_SRC_TRANSLATED, 1.0);
                    default -> { }
                }
                String folded = TermStatistics.statisticsText(m);
                texts.add(folded);
                TermStatistics.Counts counts = stats.counts(codeKey, folded);
                double precision = counts.coded() / (counts.seen() + 1.0);
                if (counts.seen() > 0) {
                    allUnseen = false;
                }
                if (precision > tpBest || (precision == tpBest && counts.seen() > bestSupport)) {
                    tpBest = precision;
                    bestSupport = counts.seen();
                }
                tpSum += precision;
                if (index.insideLonger(m)) {
                    nested++;
                }
                if (index.containsShorter(m)) {
                    containsShorter = true;
                }
                var c = m.context();
                neg += c.negated() ? 1 : 0;
                unc += c.uncertain() ? 1 : 0;
                hist += c.historical() ? 1 : 0;
                fam += c.family() ? 1 : 0;
                hyp += c.hypothetical() ? 1 : 0;
                presentAny |= !c.negated() && !c.uncertain() && !c.historical() && !c.family() && !c.hypothetical();
                first = Math.min(first, m.span().start());
                sections.merge(sectionGroup(m.section()), 1, Integer::sum);
            }
            f.put(F_GAPPED_SHARE, gapped / (double) n);
            f.put(F_GAPPED_ONLY, gapped + partial == n ? 1.0 : 0.0);
            f.put(F_PARTIAL_SHARE, partial / (double) n);
            f.put(F_STEM_SHARE, stem / (double) n);
            f.put(F_STEM_ONLY, stem == n ? 1.0 : 0.0);
            f.put(F_BEST_MATCH, best);
            f.put(F_MEAN_MATCH, sum / n);
            f.put(F_LOG_MENTIONS, Math.log1p(n) / 3.0);
            f.put(F_LOG_TERMS, Math.log1p(texts.size()) / 2.0);
            f.put(F_NESTED_SHARE, nested / (double) n);
            f.put(F_ALL_NESTED, nested == n ? 1.0 : 0.0);
            f.put(F_CONTAINS_SHORTER, containsShorter ? 1.0 : 0.0);
            f.put(F_TP_BEST, tpBest);
            f.put(F_TP_MEAN, tpSum / n);
            f.put(F_TP_SUPPORT, Math.min(1.0, Math.log1p(bestSupport) / 5.0));
            f.put(F_TP_UNSEEN, allUnseen ? 1.0 : 0.0);
            f.put(F_NEG_SHARE, neg / (double) n);
            f.put(F_UNC_SHARE, unc / (double) n);
            f.put(F_HIST_SHARE, hist / (double) n);
            f.put(F_FAM_SHARE, fam / (double) n);
            f.put(F_HYP_SHARE, hyp / (double) n);
            f.put(F_PRESENT_ANY, presentAny ? 1.0 : 0.0);
            f.put(F_TP_BEST_X_PRESENT, presentAny ? tpBest : 0.0);
            int length = Math.max(1, note.text().length());
            f.put(F_FIRST_POS, first / (double) length);
            sections.forEach((group, count) -> f.put("sec_" + group, count / (double) n));
        } else {
            f.put(F_FIRST_POS, 1.0);
            f.put(F_TP_UNSEEN, 1.0);
        }
        int codeDocs = stats.codeDocuments(codeKey);
        f.put(F_PRIOR, stats.documents() == 0 ? 0.0 : Math.log1p(codeDocs) / Math.log1p(stats.documents()));
        f.put(F_PRIOR_ZERO, codeDocs == 0 ? 1.0 : 0.0);
        if (candidate.classifierRank() >= 0) {
            f.put(F_CLF_KNOWN, 1.0);
            f.put(F_CLF_SCORE, candidate.classifierScore());
            f.put(F_CLF_RANK_INV, 1.0 / (1 + candidate.classifierRank()));
            f.put(F_CLF_TOP5, candidate.classifierRank() < 5 ? 1.0 : 0.0);
        }
        f.put(F_CLF_ONLY, n == 0 ? 1.0 : 0.0);
        String code = candidate.code();
        String bare = code.replace(".", "");
        int sameCategory = index.sameCategoryOthers(candidate);
        boolean moreSpecific = index.moreSpecificExists(candidate);
        boolean lessSpecific = index.lessSpecificExists(candidate);
        f.put(F_SAME_CAT_OTHERS, Math.min(sameCategory, 3) / 3.0);
        f.put(F_MORE_SPECIFIC, moreSpecific ? 1.0 : 0.0);
        f.put(F_LESS_SPECIFIC, lessSpecific ? 1.0 : 0.0);
        boolean pcs = candidate.system() == CodeSystem.ICD10PCS;
        f.put(F_IS_PCS, pcs ? 1.0 : 0.0);
        f.put(F_PCS_PREFIX4, pcs && bare.length() == 4 ? 1.0 : 0.0);
        f.put(F_PCS_FULL, pcs && bare.length() == 7 ? 1.0 : 0.0);
        f.put(F_CM_CATEGORY_ONLY, !pcs && bare.length() == 3 ? 1.0 : 0.0);
        f.put(F_CODE_LEN, bare.length() / 7.0);
        // Products of evidence kinds: the model's linear part needs "a precise term AND a good match" as a column
        // (its factorized pair terms add only low-rank interactions).
        f.put(F_X_TP_MATCH, f.get(F_TP_BEST) * f.get(F_BEST_MATCH));
        f.put(F_X_TP_SUPPORT, f.get(F_TP_BEST) * f.get(F_TP_SUPPORT));
        f.put(F_X_CLF_MENTION, f.get(F_CLF_SCORE) * f.get(F_HAS_MENTION));
        f.put(F_X_CLF_TP, f.get(F_CLF_SCORE) * f.get(F_TP_BEST));
        f.put(F_X_PRIOR_CLF_ONLY, f.get(F_PRIOR) * f.get(F_CLF_ONLY));
        f.put(F_X_PCS_TP, f.get(F_IS_PCS) * f.get(F_TP_BEST));
        f.put(F_X_PCS_CLF, f.get(F_IS_PCS) * f.get(F_CLF_SCORE));
        codeLevelFeatures(f, codeKey, stats);
        return f.values;
    }

    /** Column of each feature name, for {@link FeatureRow}. */
    private static final Map<String, Integer> COLUMN_OF = columnOfNames();

    private static Map<String, Integer> columnOfNames() {
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            columns.put(NAMES.get(i), i);
        }
        return Collections.unmodifiableMap(columns); // a HashMap: Map.copyOf's look-up divides, once per feature
    }

    // Columns of the features set by name below: a look-up per feature and candidate was a tenth of the ranker's time.
    private static final int F_ALL_NESTED = FeatureRow.column("all_nested");
    private static final int F_BEST_MATCH = FeatureRow.column("best_match");
    private static final int F_CAT_TP_GAP = FeatureRow.column("cat_tp_gap");
    private static final int F_CAT_TP_LEAD = FeatureRow.column("cat_tp_lead");
    private static final int F_CLF_KNOWN = FeatureRow.column("clf_known");
    private static final int F_CLF_ONLY = FeatureRow.column("clf_only");
    private static final int F_CLF_RANK_INV = FeatureRow.column("clf_rank_inv");
    private static final int F_CLF_SCORE = FeatureRow.column("clf_score");
    private static final int F_CLF_TOP5 = FeatureRow.column("clf_top5");
    private static final int F_CM_CATEGORY_ONLY = FeatureRow.column("cm_category_only");
    private static final int F_CODE_LEN = FeatureRow.column("code_len");
    private static final int F_CODE_TP = FeatureRow.column("code_tp");
    private static final int F_CODE_TP_SUPPORT = FeatureRow.column("code_tp_support");
    private static final int F_CONST = FeatureRow.column("const");
    private static final int F_CONTAINS_SHORTER = FeatureRow.column("contains_shorter");
    private static final int F_FAM_SHARE = FeatureRow.column("fam_share");
    private static final int F_FIRST_POS = FeatureRow.column("first_pos");
    private static final int F_GAPPED_ONLY = FeatureRow.column("gapped_only");
    private static final int F_GAPPED_SHARE = FeatureRow.column("gapped_share");
    private static final int F_HAS_MENTION = FeatureRow.column("has_mention");
    private static final int F_HIST_SHARE = FeatureRow.column("hist_share");
    private static final int F_HYP_SHARE = FeatureRow.column("hyp_share");
    private static final int F_IS_PCS = FeatureRow.column("is_pcs");
    private static final int F_LESS_SPECIFIC = FeatureRow.column("less_specific");
    private static final int F_LOG_MENTIONS = FeatureRow.column("log_mentions");
    private static final int F_LOG_TERMS = FeatureRow.column("log_terms");
    private static final int F_MEAN_MATCH = FeatureRow.column("mean_match");
    private static final int F_MORE_SPECIFIC = FeatureRow.column("more_specific");
    private static final int F_NEG_SHARE = FeatureRow.column("neg_share");
    private static final int F_NESTED_SHARE = FeatureRow.column("nested_share");
    private static final int F_PARTIAL_SHARE = FeatureRow.column("partial_share");
    private static final int F_PCS_FULL = FeatureRow.column("pcs_full");
    private static final int F_PCS_PREFIX4 = FeatureRow.column("pcs_prefix4");
    private static final int F_PRESENT_ANY = FeatureRow.column("present_any");
    private static final int F_PRIOR = FeatureRow.column("prior");
    private static final int F_PRIOR_UNMENTIONED = FeatureRow.column("prior_unmentioned");
    private static final int F_PRIOR_ZERO = FeatureRow.column("prior_zero");
    private static final int F_SAME_CAT_OTHERS = FeatureRow.column("same_cat_others");
    private static final int F_SRC_INCLUSION = FeatureRow.column("src_inclusion");
    private static final int F_SRC_INDEX = FeatureRow.column("src_index");
    private static final int F_SRC_LEARNED = FeatureRow.column("src_learned");
    private static final int F_SRC_PROJECTED = FeatureRow.column("src_projected");
    private static final int F_SRC_TITLE = FeatureRow.column("src_title");
    private static final int F_SRC_TRANSLATED = FeatureRow.column("src_translated");
    private static final int F_STEM_ONLY = FeatureRow.column("stem_only");
    private static final int F_STEM_SHARE = FeatureRow.column("stem_share");
    private static final int F_TP_BEST = FeatureRow.column("tp_best");
    private static final int F_TP_BEST_X_PRESENT = FeatureRow.column("tp_best_x_present");
    private static final int F_TP_MEAN = FeatureRow.column("tp_mean");
    private static final int F_TP_SUPPORT = FeatureRow.column("tp_support");
    private static final int F_TP_UNSEEN = FeatureRow.column("tp_unseen");
    private static final int F_UNC_SHARE = FeatureRow.column("unc_share");
    private static final int F_X_CLF_MENTION = FeatureRow.column("x_clf_mention");
    private static final int F_X_CLF_TP = FeatureRow.column("x_clf_tp");
    private static final int F_X_CODE_TP_UNSEEN = FeatureRow.column("x_code_tp_unseen");
    private static final int F_X_PCS_CLF = FeatureRow.column("x_pcs_clf");
    private static final int F_X_PCS_TP = FeatureRow.column("x_pcs_tp");
    private static final int F_X_PRIOR_CLF_ONLY = FeatureRow.column("x_prior_clf_only");
    private static final int F_X_PRIOR_UNMENTIONED_CLF = FeatureRow.column("x_prior_unmentioned_clf");
    private static final int F_X_TP_MATCH = FeatureRow.column("x_tp_match");
    private static final int F_X_TP_SUPPORT = FeatureRow.column("x_tp_support");

    /** One candidate's feature values by name, stored straight into the row (cheaper than a map per candidate). */
    private static final class FeatureRow {
        final double[] values = new double[NAMES.size()];

        void put(String name, double value) {
            values[column(name)] = value;
        }

        void put(int column, double value) {
            values[column] = value;
        }

        double get(int column) {
            return values[column];
        }

        static int column(String name) {
            Integer column = COLUMN_OF.get(name);
            if (column == null) {
                throw new IllegalArgumentException("Unknown feature " + name);
            }
            return column;
        }
    }

    /**
     * What the features of every candidate need to know about the whole note, computed once per note: which
     * mention spans lie inside a longer one or contain a shorter one (of the same code system), and how each
     * candidate's code relates to the other candidates' codes. Same answers as checking every pair, in
     * O(n log n) instead of O(candidates x mentions) and O(candidates^2).
     */
    static final class NoteIndex {
        private final Map<CodeSystem, Set<Span>> insideLonger = new java.util.EnumMap<>(CodeSystem.class);
        private final Map<CodeSystem, Set<Span>> containsShorter = new java.util.EnumMap<>(CodeSystem.class);
        private final Map<RankCandidate, int[]> relations = new java.util.IdentityHashMap<>();

        NoteIndex(AnalyzedNote note, List<RankCandidate> candidates) {
            Map<CodeSystem, Set<Span>> spansBySystem = new java.util.EnumMap<>(CodeSystem.class);
            for (Mention m : note.mentions()) {
                spansBySystem.computeIfAbsent(m.system(), k -> new HashSet<>()).add(m.span());
            }
            spansBySystem.forEach((system, spans) -> {
                List<Span> sorted = new ArrayList<>(spans);
                // Start ascending, end descending: every other span containing a span comes before it.
                sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                        : Integer.compare(b.end(), a.end()));
                Set<Span> inside = new HashSet<>();
                int maxEnd = -1;
                for (Span span : sorted) {
                    if (maxEnd >= span.end()) {
                        inside.add(span);
                    }
                    maxEnd = Math.max(maxEnd, span.end());
                }
                insideLonger.put(system, inside);
                // Start descending, end ascending: every other span inside a span comes before it.
                sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(b.start(), a.start())
                        : Integer.compare(a.end(), b.end()));
                Set<Span> containing = new HashSet<>();
                int minEnd = Integer.MAX_VALUE;
                for (Span span : sorted) {
                    if (minEnd <= span.end()) {
                        containing.add(span);
                    }
                    minEnd = Math.min(minEnd, span.end());
                }
                containsShorter.put(system, containing);
            });

            Map<CodeSystem, List<String>> baresBySystem = new java.util.EnumMap<>(CodeSystem.class);
            Map<String, Integer> categoryCounts = new java.util.HashMap<>();
            for (RankCandidate c : candidates) {
                String bare = c.code().replace(".", "");
                baresBySystem.computeIfAbsent(c.system(), k -> new ArrayList<>()).add(bare);
                if (bare.length() >= 3) {
                    categoryCounts.merge(categoryKey(c), 1, Integer::sum);
                }
            }
            Map<CodeSystem, Set<String>> bareSets = new java.util.EnumMap<>(CodeSystem.class);
            baresBySystem.forEach((system, bares) -> {
                bares.sort(null);
                bareSets.put(system, new HashSet<>(bares));
            });
            for (RankCandidate c : candidates) {
                String bare = c.code().replace(".", "");
                int sameCategory = bare.length() >= 3 ? categoryCounts.get(categoryKey(c)) - 1 : 0;
                // Another code of the system is more specific when bare is a proper prefix of it: in sorted
                // order, the first code greater than bare then starts with it.
                List<String> sorted = baresBySystem.get(c.system());
                int after = upperBound(sorted, bare);
                boolean moreSpecific = after < sorted.size() && sorted.get(after).startsWith(bare);
                boolean lessSpecific = false;
                Set<String> bares = bareSets.get(c.system());
                for (int length = 0; length < bare.length() && !lessSpecific; length++) {
                    lessSpecific = bares.contains(bare.substring(0, length));
                }
                relations.put(c, new int[] {sameCategory, moreSpecific ? 1 : 0, lessSpecific ? 1 : 0});
            }
        }

        private static int upperBound(List<String> sorted, String key) {
            int low = 0;
            int high = sorted.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted.get(mid).compareTo(key) <= 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** Same as {@link CandidateFeatures#insideLonger} over the note's mentions. */
        boolean insideLonger(Mention m) {
            return insideLonger.getOrDefault(m.system(), Set.of()).contains(m.span());
        }

        /** Same as {@link CandidateFeatures#containsShorter} over the note's mentions. */
        boolean containsShorter(Mention m) {
            return containsShorter.getOrDefault(m.system(), Set.of()).contains(m.span());
        }

        /** Other candidates of the system in the same 3-character category. */
        int sameCategoryOthers(RankCandidate c) {
            return relations.get(c)[0];
        }

        /** Whether another candidate of the system has a longer code starting with this one. */
        boolean moreSpecificExists(RankCandidate c) {
            return relations.get(c)[1] == 1;
        }

        /** Whether another candidate of the system has a shorter code this one starts with. */
        boolean lessSpecificExists(RankCandidate c) {
            return relations.get(c)[2] == 1;
        }
    }

    /** The code-level columns; the term-level ones (tp_*) must be set already. */
    static void codeLevelFeatures(FeatureRow f, String codeKey, TermStatistics stats) {
        TermStatistics.Counts mentioned = stats.codeMentions(codeKey);
        double codePrecision = mentioned.coded() / (mentioned.seen() + 1.0);
        f.put(F_CODE_TP, codePrecision);
        f.put(F_CODE_TP_SUPPORT, Math.min(1.0, Math.log1p(mentioned.seen()) / 5.0));
        f.put(F_X_CODE_TP_UNSEEN, codePrecision * f.get(F_TP_UNSEEN) * f.get(F_HAS_MENTION));
        int unmentioned = Math.max(0, stats.codeDocuments(codeKey) - mentioned.coded());
        double unmentionedPrior = stats.documents() == 0 ? 0.0
                : Math.log1p(unmentioned) / Math.log1p(stats.documents());
        f.put(F_PRIOR_UNMENTIONED, unmentionedPrior);
        f.put(F_X_PRIOR_UNMENTIONED_CLF, unmentionedPrior * f.get(F_CLF_SCORE));
    }

    static String sourceGroup(String source) {
        if (source == null) {
            return "";
        }
        for (String suffix : List.of(GappedTermMatcher.SUFFIX, GappedTermMatcher.PARTIAL_SUFFIX,
                GappedTermMatcher.STEM_SUFFIX)) {
            if (source.endsWith(suffix)) {
                source = source.substring(0, source.length() - suffix.length());
            }
        }
        return switch (source) {
            case TermSources.TABULAR_TITLE, TermSources.PCS_TITLE, TermSources.HCPCS_TITLE -> "title";
            case TermSources.INDEX, TermSources.PCS_INDEX -> "index";
            case TermSources.INCLUSION_TERM -> "inclusion";
            case TermSources.CODIESP_TRAIN -> "learned";
            case PROJECTED_SOURCE -> "projected";
            case TermSources.ICD10_ES_TRANSLATED -> "translated";
            default -> "";
        };
    }

    static String sectionGroup(String section) {
        if (section == null) {
            return "none";
        }
        SectionType type;
        try {
            type = SectionType.valueOf(section);
        } catch (IllegalArgumentException e) {
            return "other";
        }
        return switch (type) {
            case PAST_MEDICAL_HISTORY, PAST_SURGICAL_HISTORY, SOCIAL_HISTORY, MEDICATIONS, ALLERGIES -> "history";
            case FAMILY_HISTORY -> "family";
            case PHYSICAL_EXAM, RESULTS, REVIEW_OF_SYSTEMS -> "exam_results";
            case PROCEDURES -> "procedures";
            case ASSESSMENT_AND_PLAN, IMPRESSION, DIAGNOSES -> "diagnoses";
            default -> "other";
        };
    }

    /** True when a longer mention of the same code system covers this one (the old longest-match filter). */
    static boolean insideLonger(Mention m, List<Mention> all) {
        for (Mention other : all) {
            if (other != m && other.system() == m.system() && other.span().contains(m.span())
                    && other.span().length() > m.span().length()) {
                return true;
            }
        }
        return false;
    }

    static boolean containsShorter(Mention m, List<Mention> all) {
        for (Mention other : all) {
            if (other != m && other.system() == m.system() && m.span().contains(other.span())
                    && m.span().length() > other.span().length()) {
                return true;
            }
        }
        return false;
    }

    /** The features of one row as a name-to-value map (for rationales and tests). */
    public static Map<String, Double> named(double[] row) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
            map.put(NAMES.get(i), row[i]);
        }
        return Collections.unmodifiableMap(map);
    }
}
