package org.opencac.nlp.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Length-based sentence alignment after Gale and Church (1993), with anchors: the cost of a bead falls when its
 * two sides share numbers or cognate-like words (same first four folded letters). Beads 1-1, 1-2, 2-1, 1-0 and
 * 0-1 are allowed. Thread-safe and stateless once built.
 */
public final class SentenceAligner {
    /** Variance of target length per source character, from Gale and Church. */
    private static final double VARIANCE_PER_CHAR = 6.8;
    private static final double COST_1_1 = -Math.log(0.89);
    private static final double COST_2_1 = -Math.log(0.0445);
    private static final double COST_1_0 = -Math.log(0.0099);
    private static final double ANCHOR_WEIGHT = 4.0;
    private static final int COGNATE_PREFIX = 4;

    private final double targetCharsPerSourceChar;

    /** @param targetCharsPerSourceChar expected length ratio, e.g. 0.9 for English from Spanish */
    public SentenceAligner(double targetCharsPerSourceChar) {
        this.targetCharsPerSourceChar = targetCharsPerSourceChar;
    }

    /** Aligns two sentence lists; the beads cover both lists in order without gaps. */
    public List<Bead> align(List<String> source, List<String> target) {
        int n = source.size();
        int m = target.size();
        List<Set<String>> sourceAnchors = source.stream().map(SentenceAligner::anchors).toList();
        List<Set<String>> targetAnchors = target.stream().map(SentenceAligner::anchors).toList();
        double[][] cost = new double[n + 1][m + 1];
        int[][][] back = new int[n + 1][m + 1][];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        int[][] moves = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}};
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                for (int[] move : moves) {
                    int pi = i - move[0];
                    int pj = j - move[1];
                    if (pi < 0 || pj < 0 || Double.isInfinite(cost[pi][pj])) {
                        continue;
                    }
                    double c = cost[pi][pj] + beadCost(source, target, sourceAnchors, targetAnchors, pi, move[0], pj, move[1]);
                    if (c < cost[i][j]) {
                        cost[i][j] = c;
                        back[i][j] = move;
                    }
                }
            }
        }
        List<Bead> beads = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            int[] move = back[i][j];
            i -= move[0];
            j -= move[1];
            beads.add(new Bead(i, move[0], j, move[1]));
        }
        Collections.reverse(beads);
        return beads;
    }

    private double beadCost(List<String> source, List<String> target, List<Set<String>> sourceAnchors,
                            List<Set<String>> targetAnchors, int si, int sc, int ti, int tc) {
        double prior = sc == 1 && tc == 1 ? COST_1_1 : sc == 0 || tc == 0 ? COST_1_0 : COST_2_1;
        int sourceLength = 0;
        Set<String> sourceSide = new HashSet<>();
        for (int k = si; k < si + sc; k++) {
            sourceLength += source.get(k).length();
            sourceSide.addAll(sourceAnchors.get(k));
        }
        int targetLength = 0;
        Set<String> targetSide = new HashSet<>();
        for (int k = ti; k < ti + tc; k++) {
            targetLength += target.get(k).length();
            targetSide.addAll(targetAnchors.get(k));
        }
        return prior + lengthCost(sourceLength, targetLength) - ANCHOR_WEIGHT * dice(sourceSide, targetSide);
    }

    /** -log P(length match) under Gale and Church's normal model of the length difference. */
    private double lengthCost(int sourceLength, int targetLength) {
        if (sourceLength == 0 && targetLength == 0) {
            return 0;
        }
        double mean = (sourceLength + targetLength / targetCharsPerSourceChar) / 2.0;
        double delta = (targetLength - sourceLength * targetCharsPerSourceChar)
                / Math.sqrt(Math.max(mean, 1) * VARIANCE_PER_CHAR);
        double probability = 2 * (1 - normalCdf(Math.abs(delta)));
        return -Math.log(Math.max(probability, 1e-12));
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String s : a) {
            if (b.contains(s)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    /** Numbers and the four-letter prefixes of longer words: cheap, language-independent anchors. */
    static Set<String> anchors(String sentence) {
        Set<String> anchors = new HashSet<>();
        for (TextFolding.Token token : TextFolding.tokens(sentence)) {
            String word = token.folded();
            if (Character.isDigit(word.charAt(0))) {
                anchors.add("#" + word);
            } else if (word.length() >= COGNATE_PREFIX + 1) {
                anchors.add(word.substring(0, COGNATE_PREFIX));
            }
        }
        return anchors;
    }

    /** Standard normal CDF via the Abramowitz-Stegun 7.1.26 erf approximation (error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
