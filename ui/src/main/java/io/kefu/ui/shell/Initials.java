package io.kefu.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an avatar shows for a person's display name. Vaadin's own abbreviation takes the first
 * character of every word, so "李客服 Li (agent)" became "李L(". Chinese names show their first
 * character, the surname, as Chinese user interfaces do; other names the initials of their first
 * and last words that begin with a letter ("Ann Agent": AA), skipping notes in brackets.
 */
public final class Initials {

    private Initials() {
    }

    /** The abbreviation, or null when the name has no word beginning with a letter (the avatar then shows its icon). */
    public static String of(String displayName) {
        if (displayName == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String w : displayName.trim().split("\\s+")) {
            if (!w.isEmpty() && Character.isLetter(w.codePointAt(0))) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        int first = words.get(0).codePointAt(0);
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            return new String(Character.toChars(first));
        }
        String initials = new String(Character.toChars(first));
        if (words.size() > 1) {
            initials += new String(Character.toChars(words.get(words.size() - 1).codePointAt(0)));
        }
        return initials.toUpperCase(Locale.ROOT);
    }
}
