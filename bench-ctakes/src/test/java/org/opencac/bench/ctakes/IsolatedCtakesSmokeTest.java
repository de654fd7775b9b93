package org.opencac.bench.ctakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeRelease;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/**
 * Runs the real cTAKES components in their own class loader on two made-up sentences. Opt-in, as it needs
 * {@code target/lib} from an earlier {@code package} and loads cTAKES's models (about 20 s):
 * {@code mvn -B -q -pl bench-ctakes -am package -DskipTests} then
 * {@code mvn -B -q -pl bench-ctakes -am verify -Dctakes.smoke=true}.
 */
@EnabledIfSystemProperty(named = "ctakes.smoke", matches = "true")
class IsolatedCtakesSmokeTest {

    @Test
    void findsOurTitleAndItsNegation(@TempDir Path folder) {
        CodeRelease release = new CodeRelease(CodeSystem.ICD10CM, "FY2099", LocalDate.of(2098, 10, 1),
                List.of(new CodeEntry(CodeSystem.ICD10CM, "I10", "Essential hypertension", "Essential hypertension",
                        true, "FY2099")), Map.of());
        CtakesDictionary.Written dictionary = CtakesDictionary.write(
                Dictionaries.builder().addRelease(release).build(), null, folder);

        IsolatedCtakes ctakes = IsolatedCtakes.start(CtakesComponents.ALL, dictionary.lookupXml());
        int[] affirmed = ctakes.process("The patient has essential hypertension.");
        int[] negated = ctakes.process("The patient has no essential hypertension.");

        assertTrue(affirmed[0] >= 5, "tokens: " + affirmed[0]);
        assertEquals(1, affirmed[1], "mentions");
        assertEquals(0, affirmed[2], "negated");
        assertEquals(1, negated[1], "mentions");
        assertEquals(1, negated[2], "negated");
        Map<String, Long> nanos = ctakes.componentNanos();
        assertEquals(java.util.Set.copyOf(CtakesComponents.ALL), nanos.keySet());
        nanos.forEach((component, time) -> assertTrue(time > 0, component + " ran"));
    }
}
