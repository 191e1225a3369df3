package kuibu.docs.figures;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders every chart of the book from the chapters' code, at build time, so no plot can disagree
 * with the code it describes. Usage: {@code RenderFigures <images dir>}.
 */
public final class RenderFigures {

    /** A chapter's figures: writes its {@code chNN-*.png} files into the images folder. */
    @FunctionalInterface
    interface ChapterFigures {
        void render(Path images) throws Exception;
    }

    private static final List<ChapterFigures> CHAPTERS = List.of(
            Chapter01Figures::render,
            Chapter02Figures::render,
            Chapter03Figures::render,
            Chapter04Figures::render,
            Chapter05Figures::render);

    private RenderFigures() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RenderFigures <images dir>");
        }
        Path images = Path.of(args[0]);
        for (ChapterFigures chapter : CHAPTERS) {
            chapter.render(images);
        }
    }
}
