package org.backpropkit.kernel;

import java.util.Base64;
import java.util.UUID;
import org.backpropkit.view.Drawing;
import org.backpropkit.view.Screen;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Connects the kit's moving pictures to the notebook, at start-up with the kernel's other extensions:
 * <ul>
 *   <li>pictures the kit draws itself ({@link Drawing}: networks, step-through frames, live training)
 *       render as {@code image/png}, with what they show in words as {@code text/plain};</li>
 *   <li>the library's {@link Screen} becomes the kernel's display: {@code show} sends one
 *       {@code display_data} with a fresh display id, {@code update} an {@code update_display_data} with
 *       that id, so one output changes in place (standard messages: classic Notebook, JupyterLab and
 *       nbconvert all keep the last one). With {@code BACKPROP_KIT_HEADLESS=1} the screen says no one is
 *       watching, and step-throughs and live training skip to their final picture.</li>
 * </ul>
 */
public final class NotebookScreen implements Extension, Screen {

    private BaseKernel kernel;
    private boolean headless;

    @Override
    public void install(BaseKernel kernel) {
        this.kernel = kernel;
        this.headless = Screen.headless();
        kernel.getRenderer().createRegistration(Drawing.class).preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN).register((drawing, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG,
                            () -> Base64.getEncoder().encodeToString(drawing.png()));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, drawing::toString);
                });
        Screen.use(this);
    }

    @Override
    public String show(Object content) {
        DisplayData data = kernel.getRenderer().render(content);
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        kernel.display(data);
        return id;
    }

    @Override
    public void update(String id, Object content) {
        kernel.getIO().display.updateDisplay(id, kernel.getRenderer().render(content));
    }

    @Override
    public boolean live() {
        return !headless;
    }
}
