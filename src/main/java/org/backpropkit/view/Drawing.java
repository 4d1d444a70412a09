package org.backpropkit.view;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.backpropkit.data.AtomicFiles;

/**
 * A picture the kit draws itself with Java2D: a network ({@link NetworkPicture}) or a training run as
 * it goes ({@link Watch}). A notebook shows it as a PNG; {@link #toString()} says in words what it
 * shows, for a terminal and for the notebook's text fallback.
 *
 * <p>The same {@link #paint} serves the PNG (a {@link BufferedImage}) and the SVG (VectorGraphics2D's
 * {@code Graphics2D}, which XChart already brings). Drawing is deterministic: the same content gives
 * the same bytes.
 */
public interface Drawing {

    /** The width in pixels. */
    int width();

    /** The height in pixels. */
    int height();

    /** Draws the picture onto {@code g}, from (0, 0) to ({@link #width()}, {@link #height()}). */
    void paint(Graphics2D g);

    /** The picture as an image, antialiased, on white. */
    default BufferedImage image() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width(), height());
            paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The picture as PNG bytes, as a notebook shows it. */
    default byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The picture as SVG text (shapes as paths, text as text). */
    default byte[] svg() {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width(), height());
        paint(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height())).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the picture to {@code file} as PNG or SVG, chosen by the extension; the file is replaced
     * in one step, so a reader never sees half an image.
     */
    default Path save(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            AtomicFiles.write(file, png());
        } else if (name.endsWith(".svg")) {
            AtomicFiles.write(file, svg());
        } else {
            throw new IllegalArgumentException("save a picture as .png or .svg, got " + file.getFileName());
        }
        return file;
    }
}
