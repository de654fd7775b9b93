package org.opencac.dictionaries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every code of one release of one code system (for example ICD-10-CM FY2018), in the order of the
 * official file. Immutable once built.
 */
public final class CodeRelease {

    private final CodeSystem system;
    private final String name;
    private final LocalDate validFrom;
    private final Map<String, CodeEntry> entries;
    private final Map<String, CodeValidity> validity;
    private final String[] sortedCodes;

    /**
     * @param validity per-code add/termination dates where the source file has them (HCPCS); may be empty
     */
    public CodeRelease(CodeSystem system, String name, LocalDate validFrom, List<CodeEntry> entries,
                       Map<String, CodeValidity> validity) {
        this.system = system;
        this.name = name;
        this.validFrom = validFrom;
        Map<String, CodeEntry> byCode = new LinkedHashMap<>();
        for (CodeEntry entry : entries) {
            byCode.put(entry.code(), entry);
        }
        this.entries = Collections.unmodifiableMap(byCode);
        this.validity = Map.copyOf(validity);
        this.sortedCodes = byCode.keySet().toArray(new String[0]);
        java.util.Arrays.sort(sortedCodes);
    }

    public CodeSystem system() {
        return system;
    }

    /** Release label, for example "FY2018". */
    public String name() {
        return name;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public Optional<CodeEntry> get(String canonicalCode) {
        return Optional.ofNullable(entries.get(canonicalCode));
    }

    public boolean contains(String canonicalCode) {
        return entries.containsKey(canonicalCode);
    }

    /** All entries in file order. */
    public Collection<CodeEntry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    public int billableCount() {
        int count = 0;
        for (CodeEntry entry : entries.values()) {
            if (entry.billable()) {
                count++;
            }
        }
        return count;
    }

    /** Per-code dates from the source file, if it has any (HCPCS add and termination dates). */
    public Optional<CodeValidity> validity(String canonicalCode) {
        return Optional.ofNullable(validity.get(canonicalCode));
    }

    /** Codes of this release that start with {@code prefix}, in code order. */
    public List<CodeEntry> withPrefix(String prefix) {
        List<CodeEntry> result = new ArrayList<>();
        int i = firstAtOrAfter(prefix);
        while (i < sortedCodes.length && sortedCodes[i].startsWith(prefix)) {
            result.add(entries.get(sortedCodes[i]));
            i++;
        }
        return result;
    }

    /** True when some code of this release starts with {@code prefix}. */
    public boolean hasCodeWithPrefix(String prefix) {
        int i = firstAtOrAfter(prefix);
        return i < sortedCodes.length && sortedCodes[i].startsWith(prefix);
    }

    private int firstAtOrAfter(String prefix) {
        int i = java.util.Arrays.binarySearch(sortedCodes, prefix);
        return i >= 0 ? i : -i - 1;
    }
}
