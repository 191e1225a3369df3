package kuibu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": only the names close to what was typed, and none when nothing is close. */
class CliTest {

    @Test
    void suggestionsAreTheNearestNamesOnly() {
        assertEquals(List.of("train"), Cli.nearest("trian", List.of("train", "evaluate", "predict", "bench")));
        assertEquals(List.of("--epochs"), Cli.nearest("--epoch", List.of("--epochs", "--eta", "--seed")));
        assertEquals(List.of("download"), Cli.nearest("down", List.of("download", "measure")));
        assertEquals(List.of(), Cli.nearest("frobnicate", List.of("train", "evaluate", "predict", "bench")));
        assertEquals(List.of(), Cli.nearest("--bogus", List.of("--batch", "--eta")));
    }
}
