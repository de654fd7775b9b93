package org.opencac.nlp.context;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.nlp.text.TextSpan;

class ConTextSpanishTest {
    private final ContextAnalyzer analyzer = ConText.forLanguage("es");

    private ContextFlags flagsOf(String text, String target) {
        int start = text.indexOf(target);
        return analyzer.analyze(text, new TextSpan(0, text.length()), List.of(),
                List.of(new TextSpan(start, start + target.length()))).get(0).flags();
    }

    @Test
    void negation() {
        assertTrue(flagsOf("Niega dolor torácico.", "dolor torácico").negated());
        assertTrue(flagsOf("Paciente sin fiebre ni disnea.", "fiebre").negated());
        assertTrue(flagsOf("Paciente sin fiebre ni disnea.", "disnea").negated());
        assertTrue(flagsOf("Serologías para VIH negativas.", "VIH").negated());
    }

    @Test
    void terminationEndsNegation() {
        assertFalse(flagsOf("No presenta fiebre, pero refiere tos productiva.", "tos productiva").negated());
    }

    @Test
    void pseudoTriggerDoesNotNegate() {
        assertFalse(flagsOf("Radiografía sin cambios respecto a neumonía previa.", "neumonía").negated());
    }

    @Test
    void historyUncertaintyHypotheticalAndFamily() {
        assertTrue(flagsOf("Antecedentes de infarto agudo de miocardio.", "infarto").historical());
        assertTrue(flagsOf("Se solicita TAC para descartar tromboembolismo pulmonar.", "tromboembolismo").uncertain());
        assertFalse(flagsOf("Se solicita TAC para descartar tromboembolismo pulmonar.", "tromboembolismo").negated());
        assertTrue(flagsOf("Acudir a urgencias si presenta fiebre.", "fiebre").hypothetical());
        assertTrue(flagsOf("Su madre falleció de cáncer de mama.", "cáncer de mama").family());
    }

    @Test
    void accentsAndCaseAreIgnoredInTriggers() {
        assertTrue(flagsOf("NO SE OBSERVAN ADENOPATÍAS.", "ADENOPATÍAS").negated());
        assertTrue(flagsOf("Sospecha de apendicitis.", "apendicitis").uncertain());
    }
}
