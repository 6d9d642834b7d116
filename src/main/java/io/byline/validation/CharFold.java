package io.byline.validation;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-code-point folding used by every lane. Each code point is classified once (word character, combining mark,
 * invisible, separator) and mapped into each lane; results are cached, so text and policy terms go through exactly
 * the same functions.
 */
final class CharFold {
    static final byte WORD = 0;
    static final byte MARK = 1;
    static final byte IGNORABLE = 2;
    static final byte SPACE = 3;
    static final byte JOIN = 4;

    static final int F_UPPER = 1;
    static final int F_LOWER = 2;
    static final int F_DIGIT = 4;
    static final int F_LEET = 8;
    static final int F_NOSPACE = 16;
    static final int F_LETTER = 32;

    /** Classification and lane images of one code point. */
    static final class Info {
        final byte kind;
        final int flags;
        final String clean;
        final String fold;
        final String skeleton;
        final String match;

        Info(byte kind, int flags, String clean, String fold, String skeleton, String match) {
            this.kind = kind;
            this.flags = flags;
            this.clean = clean;
            this.fold = fold;
            this.skeleton = skeleton;
            this.match = match;
        }
    }

    private static final com.ibm.icu.text.Normalizer2 NFKC = com.ibm.icu.text.Normalizer2.getNFKCInstance();
    private static final com.ibm.icu.text.Normalizer2 NFKC_CF = com.ibm.icu.text.Normalizer2.getNFKCCasefoldInstance();
    private static final com.ibm.icu.text.Normalizer2 NFD = com.ibm.icu.text.Normalizer2.getNFDInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private static final Info[] BMP = new Info[0x10000];
    private static final ConcurrentHashMap<Integer, Info> SUPP = new ConcurrentHashMap<>();

    /** ASCII fast-path tables (same values as {@link #info}): kind, flags and the match image (0, 1 or 2 chars). */
    static final byte[] ASCII_KIND = new byte[0x80];
    static final int[] ASCII_FLAGS = new int[0x80];
    static final byte[] ASCII_MATCH_LEN = new byte[0x80];
    static final char[] ASCII_MATCH0 = new char[0x80];
    static final char[] ASCII_MATCH1 = new char[0x80];

    static {
        for (int c = 0; c < 0x80; c++) {
            Info i = compute(c);
            BMP[c] = i;
            ASCII_KIND[c] = i.kind;
            ASCII_FLAGS[c] = i.flags;
            if (i.match.length() > 2) throw new AssertionError("ASCII match image longer than 2: " + c);
            ASCII_MATCH_LEN[c] = (byte) i.match.length();
            if (i.match.length() > 0) ASCII_MATCH0[c] = i.match.charAt(0);
            if (i.match.length() > 1) ASCII_MATCH1[c] = i.match.charAt(1);
        }
    }

    private CharFold() {}

    static Info info(int cp) {
        if (cp < 0x10000) {
            Info i = BMP[cp];
            if (i == null) {
                i = compute(cp);
                BMP[cp] = i;
            }
            return i;
        }
        return SUPP.computeIfAbsent(cp, CharFold::compute);
    }

    /** Leetspeak and symbol substitutions, applied after NFKC case folding (so full-width forms count too). */
    static char leet(char c) {
        switch (c) {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            case '8': return 'b';
            case '@': return 'a';
            case '$': return 's';
            case '!': return 'i';
            case '|': return 'i';
            case '\u00a1': return 'i'; // ¡
            case '\u20ac': return 'e'; // €
            default: return 0;
        }
    }

    /** Look-alikes that the UTS #39 skeleton maps to something other than a Latin letter (Greek mostly). */
    private static char lookAlike(char c) {
        switch (c) {
            case '\u03b1': return 'a'; // α
            case '\u03b2': return 'b'; // β
            case '\u03b5': return 'e'; // ε
            case '\u03b7': return 'n'; // η
            case '\u03b9': return 'i'; // ι
            case '\u03ba': return 'k'; // κ
            case '\u03bd': return 'v'; // ν
            case '\u03bf': return 'o'; // ο
            case '\u03c1': return 'p'; // ρ
            case '\u03c4': return 't'; // τ
            case '\u03c5': return 'u'; // υ
            case '\u03c7': return 'x'; // χ
            case '\u03b3': return 'y'; // γ
            case '\u03c9': return 'w'; // ω
            case '\u0131': return 'i'; // ı dotless i
            case '\u0237': return 'j'; // ȷ dotless j
            case '\u0142': return 'l'; // ł
            case '\u00f8': return 'o'; // ø
            case '\u0111': return 'd'; // đ
            case '\u0127': return 'h'; // ħ
            case '\u0251': return 'a'; // ɑ
            case '\u0261': return 'g'; // ɡ
            case '\ua793': return 'e'; // ꞓ (skeleton of ε)
            case '\u1d1b': return 't'; // ᴛ small capital T (skeleton of Cyrillic т)
            case '\u0138': return 'k'; // ĸ kra (skeleton of Cyrillic к)
            case '\u0185': return 'b'; // ƅ tone six (skeleton of Cyrillic ь, Ь)
            default: return 0;
        }
    }

    private static boolean isJoin(int cp) {
        int t = UCharacter.getType(cp);
        if (t == UCharacter.DASH_PUNCTUATION || t == UCharacter.CONNECTOR_PUNCTUATION) return true;
        switch (cp) {
            case '.': case '\'': case '/': case '*': case '~': case '+': case '^': case '=':
            case '\u00b7': case '\u2022': case '\u2027': case '\u2019': case '\u2018': case '\u02bc':
            case '\u2024': case '\u30fb': case '\uff0e':
                return true;
            default:
                return false;
        }
    }

    private static boolean noSpaceScript(int cp) {
        int sc = UScript.getScript(cp);
        return sc == UScript.HAN || sc == UScript.HIRAGANA || sc == UScript.KATAKANA || sc == UScript.THAI
                || sc == UScript.LAO || sc == UScript.KHMER || sc == UScript.MYANMAR || sc == UScript.TIBETAN;
    }

    static String stripMarks(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) { ascii = false; break; }
        if (ascii) return s;
        String d = NFD.normalize(s);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            int t = UCharacter.getType(cp);
            if (t != UCharacter.NON_SPACING_MARK && t != UCharacter.ENCLOSING_MARK && t != UCharacter.COMBINING_SPACING_MARK) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static String skeletonOf(String folded) {
        StringBuilder b = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            char la = cp < 0x10000 ? lookAlike((char) cp) : 0;
            if (la != 0) { b.append(la); continue; }
            if (cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))) {
                // ASCII letters and digits are their own prototypes, except the few the skeleton rewrites
                if (cp == '0') b.append('o');
                else if (cp == '1' || cp == 'l') b.append('i');
                else if (cp == 'm') b.append("rn");
                else b.append((char) cp);
                continue;
            }
            String sk = SPOOF.getSkeleton(new String(Character.toChars(cp)));
            sk = stripMarks(NFKC_CF.normalize(sk));
            for (int k = 0; k < sk.length(); k++) {
                char c = sk.charAt(k);
                char l2 = lookAlike(c);
                if (l2 != 0) c = l2;
                b.append(c == 'l' ? 'i' : c);
            }
        }
        return b.toString();
    }

    /** Dashes that patterns should see as '-': every dash punctuation, the minus sign, the hyphen bullet. */
    private static boolean isDash(int cp, int type) {
        return cp != '-' && (type == UCharacter.DASH_PUNCTUATION || cp == 0x2212 || cp == 0x2043 || cp == 0x02D7);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    /** The skeleton of the capital of {@code cp} (or of {@code cp} as written) folded to lower case, when plain ASCII; else null. */
    private static String viaCapital(int cp) {
        int up = UCharacter.toUpperCase(cp); // the letter itself when it is a capital already
        String sk = SPOOF.getSkeleton(new String(Character.toChars(up)));
        String folded = lettersAndDigits(skeletonOf(stripMarks(NFKC_CF.normalize(sk))));
        return !folded.isEmpty() && isAscii(folded) ? folded : null;
    }

    private static String lettersAndDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.isLetterOrDigit(cp)) b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private static Info compute(int cp) {
        String s = new String(Character.toChars(cp));
        int type = UCharacter.getType(cp);
        if (type == UCharacter.NON_SPACING_MARK || type == UCharacter.ENCLOSING_MARK
                || type == UCharacter.COMBINING_SPACING_MARK) {
            return new Info(MARK, 0, s, "", "", "");
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return new Info(IGNORABLE, 0, "", "", "", "");
        }
        if (type == UCharacter.SURROGATE || type == UCharacter.UNASSIGNED && (cp & 0xFFFE) == 0xFFFE) {
            return new Info(SPACE, 0, s, " ", " ", "");
        }
        String clean = isDash(cp, type) ? "-" : NFKC.normalize(s);
        String cf = NFKC_CF.normalize(s);
        String fold = stripMarks(cf);
        int flags = 0;
        if (UCharacter.isUpperCase(cp) || UCharacter.isTitleCase(cp)) flags |= F_UPPER;
        if (UCharacter.isLowerCase(cp)) flags |= F_LOWER;
        if (noSpaceScript(cp)) flags |= F_NOSPACE;

        // leet: a single folded character with a letter substitute
        if (cf.length() == 1 && leet(cf.charAt(0)) != 0) {
            char l = leet(cf.charAt(0));
            boolean digit = Character.isDigit(cf.charAt(0));
            flags |= F_LEET | (digit ? F_DIGIT : 0);
            String skel = digit ? skeletonOf(cf) : " ";
            return new Info(WORD, flags, clean, digit ? fold : " ", skel, l == 'l' ? "i" : String.valueOf(l));
        }
        String word = lettersAndDigits(fold);
        if (!word.isEmpty()) {
            if (UCharacter.isDigit(cp)) flags |= F_DIGIT;
            if (UCharacter.isLetter(cp)) flags |= F_LETTER;
            // a capital looks like its own prototype (Greek Ν is N, though its small ν is v)
            String skel = (flags & F_UPPER) != 0 ? viaCapital(cp) : null;
            if (skel == null) skel = lettersAndDigits(skeletonOf(word));
            if (!isAscii(skel)) {
                // a lower-case letter of another script may have a prototype that is not Latin (Cyrillic т → ᴛ,
                // к → ĸ) while its capital's prototype is (Т → T): take the capital's, so a term written wholly in
                // look-alikes folds like one written partly in them
                String upper = viaCapital(cp);
                if (upper != null) skel = upper;
            }
            StringBuilder m = new StringBuilder(skel.length());
            for (int i = 0; i < skel.length(); i++) {
                char c = skel.charAt(i);
                char l = leet(c);
                m.append(l == 0 ? c : l);
            }
            String match = m.toString();
            return new Info(WORD, flags, clean, fold, skel, match.isEmpty() ? word : match);
        }
        if (UCharacter.isUWhiteSpace(cp) || Character.isWhitespace(cp) || Character.isISOControl(cp)) {
            return new Info(SPACE, 0, clean, " ", " ", "");
        }
        return new Info(isJoin(cp) ? JOIN : SPACE, 0, clean, " ", " ", "");
    }
}
