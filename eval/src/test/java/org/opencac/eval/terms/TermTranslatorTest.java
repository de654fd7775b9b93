package org.opencac.eval.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.match.Language;
import org.opencac.nlp.align.WordTranslationModel;

class TermTranslatorTest {

    private static final TermTranslator TRANSLATOR = new TermTranslator(Map.of(
            "acute", List.of("aguda", "agudo"),
            "kidney", List.of("riñón"),
            "failure", List.of("insuficiencia"),
            "diabete", List.of("diabetes"),
            "type", List.of("tipo"),
            "disease", List.of("enfermedad"),
            "alzheimer", List.of("alzheimer")));

    @Test
    void translatesContentWordsAndGivesOneVariantPerTranslation() {
        assertEquals(List.of("aguda insuficiencia riñón", "agudo insuficiencia riñón"),
                TRANSLATOR.translate("Acute failure of kidneys"));
    }

    @Test
    void dropsTermsWithAnUntranslatableWord() {
        assertEquals(List.of(), TRANSLATOR.translate("Acute kidney infarction"));
    }

    @Test
    void skipsTitleWordsCutsAtNegationAndKeepsNumbers() {
        assertEquals(List.of("diabetes tipo 2"),
                TRANSLATOR.translate("Other specified diabetes, type 2, without complications"));
        assertEquals(List.of("alzheimer enfermedad"), TRANSLATOR.translate("Alzheimer's disease"));
        assertEquals(List.of(), TRANSLATOR.translate("Other specified"));
        assertEquals(List.of("enfermedad riñón"),
                TRANSLATOR.translate("Disease without acute failure of kidney"), "the negated phrase ends at 'of'");
        assertEquals(List.of("enfermedad riñón"), TRANSLATOR.translate("Disease not acute, kidney"));
    }

    @Test
    void dropsTermsWithTooManyContentWords() {
        assertEquals(List.of(), TRANSLATOR.translate("acute kidney failure disease diabetes type"));
    }

    @Test
    void lexiconTakesModelPairsAndAttestedCognatesButNoFunctionWords() {
        List<WordTranslationModel.SentencePair> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(pair("acute pain", "dolor agudo"));
            pairs.add(pair("pain in the leg", "dolor en la pierna"));
            pairs.add(pair("the leg", "la pierna"));
        }
        WordTranslationModel forward = WordTranslationModel.train(pairs, 10);
        WordTranslationModel reverse = WordTranslationModel.train(
                pairs.stream().map(p -> new WordTranslationModel.SentencePair(p.target(), p.source())).toList(), 10);
        SpanishVocabulary vocabulary = new SpanishVocabulary();
        vocabulary.addText("Dolor agudo en la pierna. La pierna. Dolor en la pierna. Estenosis aórtica. Estenosis.");

        assertEquals(List.of("pierna"), TermTranslator.translations("leg", forward, reverse, 8, vocabulary));
        assertEquals(List.of("dolor"), TermTranslator.translations("pain", forward, reverse, 8, vocabulary));
        // Unknown to the model: only a cognate attested twice in Spanish text counts.
        assertEquals(List.of("estenosis"), TermTranslator.translations("stenosis", forward, reverse, 0, vocabulary));
        assertEquals(List.of(), TermTranslator.translations("aortic", forward, reverse, 0, vocabulary),
                "aórtica was seen once only");
        for (String english : List.of("acute", "pain", "in", "the", "leg")) {
            for (String spanish : TermTranslator.translations(english, forward, reverse, 12, vocabulary)) {
                assertTrue(!Language.ES.isFiller(vocabulary.key(spanish)), english + " -> " + spanish);
            }
        }
    }

    private static WordTranslationModel.SentencePair pair(String english, String spanish) {
        return new WordTranslationModel.SentencePair(List.of(english.split(" ")), List.of(spanish.split(" ")));
    }
}
