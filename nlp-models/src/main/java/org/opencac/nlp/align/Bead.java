package org.opencac.nlp.align;

/**
 * One step of a sentence alignment: source sentences [sourceStart, sourceStart + sourceCount) are translated by
 * target sentences [targetStart, targetStart + targetCount). Counts are 0, 1 or 2 (never both 0).
 */
public record Bead(int sourceStart, int sourceCount, int targetStart, int targetCount) {
    public Bead {
        if (sourceCount < 0 || targetCount < 0 || sourceCount + targetCount == 0) {
            throw new IllegalArgumentException("Empty bead");
        }
    }

    public int sourceEnd() {
        return sourceStart + sourceCount;
    }

    public int targetEnd() {
        return targetStart + targetCount;
    }

    public boolean containsSource(int sourceIndex) {
        return sourceIndex >= sourceStart && sourceIndex < sourceEnd();
    }
}
