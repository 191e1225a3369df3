package kuibu.docs.jshell;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book's snippets through real AsciidoctorJ: outputs shown, stated outputs checked, one session per chapter. */
class JShellBlocksTest {

    private static Asciidoctor asciidoctor;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        asciidoctor = Asciidoctor.Factory.create();
    }

    @AfterAll
    static void stop() {
        asciidoctor.close();
    }

    /**
     * One book, one render (JRuby and JShell take seconds to start): each chapter shows one behaviour,
     * and a failure stops only its own chapter.
     */
    @Test
    void snippetsShowTheirOutputAndEveryFailureNamesFileAndLine() throws IOException {
        Path file = dir.resolve("book.adoc");
        Files.write(file, List.of(
                "= Book", ":doctype: book", "",                                         // 1-3
                "== Output", "",                                                        // 4-5
                "[source,jshell]", "----",                                              // 6-7
                "double a = 5, b = 3, c = 2;",                                          // 8
                "3 * (a + b * c)",                                                      // 9
                "//=> 33.0",                                                            // 10
                "System.out.printf(\"J = %.0f%n\", 3 * (a + b * c));",                   // 11
                "----", "",                                                             // 12-13
                "=== Same chapter, same session", "",                                   // 14-15
                "[source,jshell]", "----", "a + b", "//=> 8", "----", "",                // 16-21
                "== A new session", "",                                                 // 22-23
                "[source,jshell]", "----", "a", "----", "",                             // 24-28
                "== A wrong number", "",                                                // 29-30
                "[source,jshell]", "----", "double a = 5, b = 3, c = 2;", "3 * (a + b * c)", "//=> 34.0", "----", "", // 31-37
                "== An exception", "",                                                  // 38-39
                "[source,jshell]", "----", "int x = 1;", "Integer.parseInt(\"three\")", "----", "", // 40-45
                "== A rejected snippet", "",                                            // 46-47
                "[source,jshell]", "----", "int y = ;", "----"));                       // 48-51
        JShellBlocks blocks = new JShellBlocks(System.getProperty("java.class.path"));
        asciidoctor.unregisterAllExtensions();
        asciidoctor.javaExtensionRegistry().treeprocessor(blocks);
        String html = asciidoctor.convertFile(file.toFile(), Options.builder().safe(SafeMode.UNSAFE).toFile(false)
                .sourcemap(true).baseDir(dir.toFile()).build());

        assertThat("expression values and printed output are shown, declarations' values are not", html,
                allOf(containsString("//=&gt; 33.0"), containsString("//=&gt; J = 33"), containsString("//=&gt; 8.0"),
                        not(containsString("//=&gt; 5.0"))));
        List<String> failures = blocks.failures().stream().map(JShellBlocks.Failure::toString).toList();
        assertThat(failures.toString(), failures, hasSize(4));
        assertThat(failures.get(0), allOf(startsWith(file + ":26:"), containsString("symbol")));
        assertThat(failures.get(1), allOf(startsWith(file + ":35:"), containsString("expected '34.0' but got '33.0'")));
        assertThat(failures.get(2), allOf(startsWith(file + ":43:"), containsString("NumberFormatException")));
        assertThat(failures.get(3), allOf(startsWith(file + ":50:"), containsString("rejected")));
    }

    @Test
    void aSecondEditionReusesTheOutputsOfTheFirst() throws IOException {
        Path file = dir.resolve("book.adoc");
        Files.write(file, List.of("= Book", "", "[source,jshell]", "----", "System.nanoTime() > 0", "----"));
        JShellBlocks blocks = new JShellBlocks(System.getProperty("java.class.path"));
        asciidoctor.unregisterAllExtensions();
        asciidoctor.javaExtensionRegistry().treeprocessor(blocks);
        for (int edition = 0; edition < 2; edition++) {
            String html = asciidoctor.convertFile(new File(file.toString()),
                    Options.builder().safe(SafeMode.UNSAFE).toFile(false).sourcemap(true).build());
            assertThat(html, containsString("//=&gt; true"));
        }
        assertThat(blocks.evaluated(), is(1));
    }
}
