package org.opencac.nlp.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PrfTest {
    @Test
    void computesPrecisionRecallAndF1FromCounts() {
        Prf prf = new Prf(3, 1, 2); // P = 3/4, R = 3/5, F1 = 2PR/(P+R) = 0.9/1.35 = 2/3
        assertEquals(0.75, prf.precision(), 1e-12);
        assertEquals(0.6, prf.recall(), 1e-12);
        assertEquals(2.0 / 3.0, prf.f1(), 1e-12);
    }

    @Test
    void emptyDenominatorsGiveZero() {
        assertEquals(0.0, Prf.ZERO.precision());
        assertEquals(0.0, Prf.ZERO.recall());
        assertEquals(0.0, Prf.ZERO.f1());
        assertEquals(0.0, new Prf(0, 0, 4).precision());
    }

    @Test
    void scoresSetsAndAddsUp() {
        Prf prf = Prf.of(Set.of("a", "b", "c"), Set.of("b", "c", "d", "e"));
        assertEquals(new Prf(2, 1, 2), prf);
        assertEquals(new Prf(3, 1, 2), prf.plus(new Prf(1, 0, 0)));
    }
}
