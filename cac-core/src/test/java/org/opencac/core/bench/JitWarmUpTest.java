package org.opencac.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {
    /** A fake compiler clock: each round adds the given compile milliseconds while the round sleeps 20 ms. */
    private static JitWarmUp.Round sleepingRound(AtomicLong compileMillis, long[] compilePerRound, int[] ran) {
        return () -> {
            compileMillis.addAndGet(compilePerRound[Math.min(ran[0], compilePerRound.length - 1)]);
            ran[0]++;
            Thread.sleep(20);
        };
    }

    @Test
    void stopsAfterTheFirstRoundInWhichTheCompilerWasQuiet() throws Exception {
        AtomicLong compile = new AtomicLong();
        int[] ran = {0};
        List<Double> shares = new ArrayList<>();
        // 20 ms of compiling in a 20 ms round is a whole core; 0 ms is settled.
        JitWarmUp.Outcome outcome = JitWarmUp.untilCompiled(sleepingRound(compile, new long[] {20, 20, 0, 20}, ran),
                10, (round, share) -> shares.add(share), compile::get);
        assertEquals(3, outcome.rounds());
        assertEquals(3, ran[0]);
        assertTrue(outcome.settled());
        assertEquals(0.0, outcome.lastCompilerShare());
        assertTrue(shares.get(0) > JitWarmUp.SETTLED_COMPILER_SHARE, "first round busy: " + shares);
    }

    @Test
    void givesUpUnsettledAfterTheMaximumNumberOfRounds() throws Exception {
        AtomicLong compile = new AtomicLong();
        int[] ran = {0};
        JitWarmUp.Outcome outcome = JitWarmUp.untilCompiled(sleepingRound(compile, new long[] {20}, ran), 4,
                (round, share) -> { }, compile::get);
        assertEquals(4, outcome.rounds());
        assertFalse(outcome.settled());
    }

    @Test
    void withoutCompilerTimesRunsOneRound() throws Exception {
        int[] ran = {0};
        JitWarmUp.Outcome outcome = JitWarmUp.untilCompiled(() -> ran[0]++, 5, (round, share) -> { }, null);
        assertEquals(1, ran[0]);
        assertFalse(outcome.settled());
    }
}
