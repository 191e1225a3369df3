package kuibu.docs.figures;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders every chart of the book from the chapters' code, at build time, so no plot can disagree
 * with the code it describes. Usage: {@code RenderFigures <images dir> <project root>}.
 */
public final class RenderFigures {

    /** A chapter's figures: writes its {@code chNN-*.png} files into the images folder. */
    @FunctionalInterface
    interface ChapterFigures {
        void render(Path images, Path root) throws Exception;
    }

    private static final List<ChapterFigures> CHAPTERS = List.of(
            (images, root) -> Chapter01Figures.render(images),
            (images, root) -> Chapter02Figures.render(images),
            (images, root) -> Chapter03Figures.render(images),
            (images, root) -> Chapter04Figures.render(images),
            Chapter05Figures::render);

    private RenderFigures() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RenderFigures <images dir> <project root>");
        }
        Path images = Path.of(args[0]);
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        for (ChapterFigures chapter : CHAPTERS) {
            chapter.render(images, root);
        }
    }
}
