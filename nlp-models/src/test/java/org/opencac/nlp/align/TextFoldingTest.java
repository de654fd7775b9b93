package org.opencac.nlp.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextFoldingTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    @Test
    void tokensAreTheLetterAndDigitRunsTheRegexFinds() {
        // Letters and digits of several scripts, combining marks, punctuation, supplementary letters and digits,
        // lone surrogates: the tokens of random regions must be the regex's matches, folded.
        String[] pieces = {"a", "Z", "é", "Ñ", "9", "٣", "½", "Ⅻ", "ª", "ǅ", "ʰ", "中", " ", "-", ".", "\u0301",
                "\n", "𝐀", "𝟗", "😀", "\ud835", "\udc00", "ß", "İ", "x1", "tórax", "CT-scan"};
        Random random = new Random(11);
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            int start = t.isEmpty() ? 0 : random.nextInt(t.length() + 1);
            int end = start + (t.length() == start ? 0 : random.nextInt(t.length() - start + 1));
            List<String> expected = new ArrayList<>();
            Matcher matcher = WORD.matcher(t).region(start, end);
            while (matcher.find()) {
                expected.add(matcher.start() + "-" + matcher.end() + ":" + TextFolding.fold(matcher.group()));
            }
            List<String> actual = new ArrayList<>();
            for (TextFolding.Token token : TextFolding.tokens(t, start, end)) {
                actual.add(token.span().start() + "-" + token.span().end() + ":" + token.folded());
            }
            assertEquals(expected, actual, "region " + start + "-" + end + " of " + t.chars()
                    .mapToObj(c -> Integer.toHexString(c)).toList());
        }
    }
}
