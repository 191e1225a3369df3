package kuibu.mnist.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Any picture of a digit made to look like MNIST: grey, white ink on black, the ink's bounding box
 * scaled to fit 20 × 20, placed in 28 × 28 with its centre of mass in the middle (how the MNIST
 * images were made).
 */
public final class DigitImages {

    private DigitImages() {}

    /** Reads a PNG (or any format ImageIO knows) and returns 784 inputs in [0, 1]. */
    public static double[] read(Path path) {
        BufferedImage image;
        try {
            if (!Files.isRegularFile(path)) {
                throw new DataException(path + ": no such image file");
            }
            image = ImageIO.read(path.toFile());
        } catch (IOException e) {
            throw new DataException(path + ": cannot read the image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DataException(path + ": not an image ImageIO can read (PNG, JPEG, GIF, BMP)");
        }
        return toMnist(image);
    }

    /** The MNIST-style 784 inputs of {@code image}. */
    public static double[] toMnist(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] grey = new double[w * h];
        double mean = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double luminance = (0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff)) / 255;
                // transparent pixels count as background paper (white)
                grey[y * w + x] = alpha * luminance + (1 - alpha);
                mean += grey[y * w + x];
            }
        }
        mean /= grey.length;
        boolean darkInk = mean > 0.5;
        int left = w;
        int right = -1;
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double ink = darkInk ? 1 - grey[y * w + x] : grey[y * w + x];
                grey[y * w + x] = ink;
                if (ink > 0.2) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        double[] out = new double[Dataset.PIXELS];
        if (right < 0) {
            return out;
        }
        int bw = right - left + 1;
        int bh = bottom - top + 1;
        double scale = 20.0 / Math.max(bw, bh);
        int sw = Math.max(1, (int) Math.round(bw * scale));
        int sh = Math.max(1, (int) Math.round(bh * scale));
        BufferedImage box = new BufferedImage(bw, bh, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int v = (int) Math.round(255 * Math.max(0, Math.min(1, grey[(top + y) * w + left + x])));
                box.getRaster().setSample(x, y, 0, v);
            }
        }
        BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(box, 0, 0, sw, sh, null);
        g.dispose();
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double v = small.getRaster().getSample(x, y, 0) / 255.0;
                mass += v;
                cx += v * x;
                cy += v * y;
            }
        }
        int dx = mass == 0 ? (28 - sw) / 2 : (int) Math.round(14 - cx / mass - 0.5);
        int dy = mass == 0 ? (28 - sh) / 2 : (int) Math.round(14 - cy / mass - 0.5);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int tx = x + dx;
                int ty = y + dy;
                if (tx >= 0 && tx < 28 && ty >= 0 && ty < 28) {
                    out[ty * 28 + tx] = small.getRaster().getSample(x, y, 0) / 255.0;
                }
            }
        }
        return out;
    }

    /** A 28 × 28 input as text art, darker characters for more ink. */
    public static String asText(double[] x) {
        String shades = " .:-=+*#%@";
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                sb.append(shades.charAt((int) Math.min(9, Math.round(x[r * 28 + c] * 9))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
