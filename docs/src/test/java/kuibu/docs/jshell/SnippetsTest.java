package kuibu.docs.jshell;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void eachRunOfOutputLinesClosesThePieceOfCodeBeforeIt() {
        List<Snippets.Piece> pieces = Snippets.split(List.of(
                "import kuibu.derivatives.*;",
                "var f = 3.0;",
                "f * 11",
                "//=> 33.0",
                "",
                "System.out.println(\"a\"); System.out.println(\"b\");",
                "//=> a",
                "//=> b",
                "f"));
        assertThat(pieces.size(), is(3));
        assertThat(pieces.get(0), is(new Snippets.Piece("import kuibu.derivatives.*;\nvar f = 3.0;\nf * 11\n", 0, "33.0\n")));
        assertThat(pieces.get(1).line(), is(5));
        assertThat(pieces.get(1).expected(), is("a\nb\n"));
        assertThat(pieces.get(2), is(new Snippets.Piece("f\n", 8, null)));
        assertThat(pieces.stream().map(Snippets.Piece::line).toList(), contains(0, 5, 8));
    }
}
