package org.backpropkit.kernel;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A timer thread of the kernel's own. Its thread is started at once, in the thread group of the thread that
 * creates the timer (the kernel's start-up), never lazily by a cell's code: JShell waits, at the end of each
 * snippet, for every thread in the snippet's thread group, so a timer thread born inside a cell (the first
 * {@code println} of a session, say) would make that snippet wait forever.
 */
final class KernelTimer {

    private KernelTimer() {
    }

    static ScheduledExecutorService start(String name) {
        ThreadGroup kernel = Thread.currentThread().getThreadGroup();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(kernel, r, name);
            t.setDaemon(true);
            return t;
        });
        timer.prestartAllCoreThreads();
        return timer;
    }
}
