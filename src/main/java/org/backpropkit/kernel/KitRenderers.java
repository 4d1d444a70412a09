package org.backpropkit.kernel;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.backpropkit.core.RichText;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How the kit's objects look in a notebook, in standard MIME types only (JupyterLab, classic Notebook and
 * nbconvert all show them), each with a {@code text/plain} fallback:
 * <ul>
 *   <li>derivations, gradient reports, forward passes, histories ({@link RichText}): {@code text/markdown}
 *       with LaTeX;</li>
 *   <li>XChart charts of every kind (the kit's plots and any a learner builds) and images: {@code image/png},
 *       the same bytes as {@code Plot.png};</li>
 *   <li>Tablesaw tables: a {@code text/html} table of at most {@value #MAX_ROWS} rows.</li>
 * </ul>
 * Registered through jjava-jupyter's extension service, so the same renderers work in JJava when the kit's
 * jar is on its classpath.
 */
public final class KitRenderers implements Extension {

    /** Rows of a table shown in a notebook; the rest is summarised in one line. */
    static final int MAX_ROWS = 20;

    @Override
    public void install(BaseKernel kernel) {
        Renderer renderer = kernel.getRenderer();
        renderer.createRegistration(RichText.class).preferring(MIMEType.TEXT_MARKDOWN)
                .register((text, context) -> context.renderIfRequested(MIMEType.TEXT_MARKDOWN, text::toMarkdown));
        renderer.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG).supporting(MIMEType.TEXT_PLAIN)
                .register((chart, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64(pngOf(BitmapEncoder.getBufferedImage(chart))));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "[chart: " + chart.getTitle() + "]");
                });
        renderer.createRegistration(RenderedImage.class).preferring(MIMEType.IMAGE_PNG).supporting(MIMEType.TEXT_PLAIN)
                .register((image, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64(pngOf(image)));
                    // not the image's toString, whose object hash changes from run to run
                    context.renderIfRequested(MIMEType.TEXT_PLAIN,
                            () -> "[image: " + image.getWidth() + " × " + image.getHeight() + " pixels]");
                });
        renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table)));
    }

    private static byte[] pngOf(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The first {@value #MAX_ROWS} rows as an HTML table, with the table's name and size as caption. */
    static String html(Table table) {
        StringBuilder html = new StringBuilder("<table>\n<caption>")
                .append(escape(table.name() == null ? "" : table.name()))
                .append(" (").append(table.rowCount()).append(" rows × ").append(table.columnCount())
                .append(" columns)</caption>\n<thead><tr>");
        for (String column : table.columnNames()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(MAX_ROWS, table.rowCount());
        for (int row = 0; row < shown; row++) {
            html.append("<tr>");
            for (int col = 0; col < table.columnCount(); col++) {
                html.append("<td>").append(escape(table.getString(row, col))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (shown < table.rowCount()) {
            html.append("<p>… ").append(table.rowCount() - shown).append(" more rows</p>\n");
        }
        return html.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
