"""Issue 18: training a large network in a cell shares its products between threads; the Interrupt button
stops it there too, and no worker thread outlives the cell — stopped or not.

The kernel's stop interrupts every thread the cell started (and on JDK 17 JShell also stops them with
Thread.stop); the kit's workers hand an interrupt on to the training loop, and the loop closes its team.
"""
from conftest import Kernel

# 2,048 seeded images of 784 pixels through 784-128-10 in batches of 64: 6.4 million multiply-adds per
# product, so Trainer starts a team on every core (the machine's 2), as in docs/performance.md's workload 3.
SETUP = """
java.util.Random r = new java.util.Random(18);
double[][] xs = new double[2048][784], ts = new double[2048][10];
for (int i = 0; i < 2048; i++) { for (int j = 0; j < 784; j++) xs[i][j] = r.nextDouble(); ts[i][r.nextInt(10)] = 1; }
Matrix x = Matrix.of(xs), t = Matrix.of(ts);
long workers() {
    return Thread.getAllStackTraces().keySet().stream()
            .filter(th -> th.isAlive() && th.getName().startsWith("backprop-kit worker")).count();
}
"""


def test_an_interrupted_training_cell_on_a_team_stops_and_leaves_no_worker():
    k = Kernel()
    try:
        assert k.run(SETUP).status == "ok"
        assert k.run("Runtime.getRuntime().availableProcessors() > 1").text == "true", "needs two cores for a team"
        # One epoch first, normally: the team works and is gone after the call.
        cell = k.run("var once = Network.of(784, 128, 10).hidden(Activation.RELU).loss(Loss.CROSS_ENTROPY).seed(1);\n"
                     "long[] during = new long[1];\n"
                     "Trainer.sgd(0.05).epochs(1).batchSize(64).onEpoch((e, l) -> during[0] = workers())"
                     ".train(once, x, t);\n"
                     "during[0] + \" \" + workers()", timeout=120)
        assert cell.text == "1 0", cell.text  # one worker during the call (2 cores), none after
        # Then a long run, interrupted once its team has finished an epoch.
        msg_id = k.send("var net = Network.of(784, 128, 10).hidden(Activation.RELU).loss(Loss.CROSS_ENTROPY).seed(1);\n"
                        "Trainer.sgd(0.05).epochs(1_000_000).batchSize(64)"
                        ".onEpoch((e, l) -> { if (e == 1) System.out.println(\"team at work: \" + workers()); })"
                        ".train(net, x, t);")
        k.wait_for_iopub(lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream"
                         and "team at work: 1" in m["content"]["text"], timeout=120)
        k.km.interrupt_kernel()
        reply = k.reply_to(msg_id, timeout=30)["content"]
        assert reply["status"] == "error" and reply["ename"] == "Interrupted", reply
        k.drain_iopub()
        assert k.run("workers()").text == "0"
        assert k.run("Double.isFinite(net.get(net.parameters().get(0)))").text == "true"
    finally:
        k.close()
