package org.opencac.eval.craft;

/** A one-document CRAFT-style fixture: three sentences in the text, two in the gold (the first two joined). */
public final class CraftFixture {
    private CraftFixture() {
    }

    /** "The cat sat. The dog ran. It rained." with gold that joins the first two sentences. */
    public static final String TEXT = "The cat sat. The dog ran. It rained.\n";

    public static String conllu() {
        return "# sent_id = 1\n# text = The cat sat. The dog ran.\n"
                + word(1, "The", "") + word(2, "cat", "") + word(3, "sat", "SpaceAfter=No") + word(4, ".", "")
                + word(5, "The", "") + word(6, "dog", "") + word(7, "ran", "SpaceAfter=No") + word(8, ".", "")
                + "\n# sent_id = 2\n# text = It rained.\n"
                + word(1, "It", "") + word(2, "rained", "SpaceAfter=No") + word(3, ".", "") + "\n";
    }

    private static String word(int id, String form, String misc) {
        return id + "\t" + form + "\t_\t_\t_\t_\t0\t_\t_\t" + (misc.isEmpty() ? "_" : misc) + "\n";
    }

}
