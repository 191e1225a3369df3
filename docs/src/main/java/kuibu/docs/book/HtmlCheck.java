package kuibu.docs.book;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rendered page the way Asciidoctor itself does not: every in-page link has its target (a
 * broken cross-reference), every image file exists, and nothing is loaded from the network.
 */
final class HtmlCheck {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile("\\shref=\"#([^\"]*)\"");
    private static final Pattern IMG = Pattern.compile("<img\\s[^>]*src=\"([^\"]+)\"");
    private static final Pattern LOCAL = Pattern.compile("<(?:script|link)\\s[^>]*(?:src|href)=\"([^\"#:]+)\"");
    private static final Pattern REMOTE = Pattern.compile("<(?:script|link|img|iframe)\\s[^>]*(?:src|href)=\"((?:https?:)?//[^\"]+)\"");

    private static final Pattern INLINE_MATH = Pattern.compile("\\\\\\((.*?)\\\\\\)", Pattern.DOTALL);
    /** An optional argument left open, as in {@code \sqrt[3}: the {@code ]} ended the latexmath:[...] macro. */
    private static final Pattern CUT_SHORT = Pattern.compile("\\\\[a-zA-Z]+\\[[^\\]]*$");

    private HtmlCheck() {}

    /** The problems of {@code page}; references into chapters not written yet are allowed. */
    static List<String> problems(Path page, Chapters chapters) throws IOException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Set<String> reported = new HashSet<>();
        Matcher href = HREF.matcher(html);
        while (href.find()) {
            String target = href.group(1);
            if (!target.isEmpty() && !ids.contains(target) && !chapters.pointsIntoUnwritten(target) && reported.add(target)) {
                problems.add(page + ": broken cross-reference <<" + target + ">>: no such anchor in the book");
            }
        }
        Matcher img = IMG.matcher(html);
        while (img.find()) {
            String src = img.group(1);
            if (src.startsWith("data:")) {
                continue;
            }
            if (src.contains("://") || !Files.isRegularFile(page.resolveSibling(src))) {
                problems.add(page + ": image " + src + " does not exist in the book"
                        + (src.startsWith("images/") ? " (does a ChapterNNFigures class render it?)" : ""));
            }
        }
        Matcher local = LOCAL.matcher(html);
        while (local.find()) {
            if (!Files.isRegularFile(page.resolveSibling(local.group(1)))) {
                problems.add(page + ": script or style sheet " + local.group(1) + " does not exist in the book");
            }
        }
        Matcher math = INLINE_MATH.matcher(html);
        while (math.find()) {
            if (CUT_SHORT.matcher(math.group(1)).find()) {
                problems.add(page + ": inline formula cut short at a ']': " + math.group(1).strip()
                        + " (inside latexmath:[...] write \\] for a ], e.g. \\sqrt[3\\]{x})");
            }
        }
        Matcher remote = REMOTE.matcher(html);
        while (remote.find()) {
            problems.add(page + ": loads " + remote.group(1) + " from the network; the book must work offline");
        }
        return problems;
    }
}
