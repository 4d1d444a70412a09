package org.backpropkit.kernel;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Refuses code that calls {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}: they would end
 * the kernel and every variable with it, and a learner who wants a fresh start has the Kernel menu.
 *
 * <p>The guard reads what a cell's code does, not its text: JShell compiles each snippet to a class, and
 * {@link SnippetRunner} shows every class to {@link #callsExit} before it loads it. A call, a method
 * reference or a lambda that reaches one of the three methods names it in the class's constant pool, however
 * the source spelled it ({@code var rt = Runtime.getRuntime(); rt.halt(1);}); a string or comment that
 * contains {@code System.exit(} names nothing. (Reflection could still reach them; a learner does not stumble
 * on that.)
 */
final class ExitGuard {

    static final String REFUSED = "SystemExitRefused";
    static final String MESSAGE = "System.exit would end the kernel and lose every variable, so this code was not"
            + " run. To start afresh, restart the kernel from the Kernel menu.";

    private ExitGuard() {
    }

    /** True when the class file names System.exit, Runtime.exit or Runtime.halt as a method it uses. */
    static boolean callsExit(byte[] classFile) {
        try {
            return callsExit(new DataInputStream(new ByteArrayInputStream(classFile)));
        } catch (IOException e) {
            return false; // not a class file JShell could load either
        }
    }

    /** Reads the constant pool (JVMS §4.4) and looks for a method reference to one of the three. */
    private static boolean callsExit(DataInputStream in) throws IOException {
        in.skipBytes(8); // magic, minor and major version
        int size = in.readUnsignedShort();
        String[] utf8 = new String[size];
        int[] first = new int[size];  // Class: name; Methodref: class; NameAndType: name
        int[] second = new int[size]; // Methodref: name-and-type
        boolean[] method = new boolean[size];
        for (int k = 1; k < size; k++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[k] = in.readUTF();
                case 7, 8, 16, 19, 20 -> first[k] = in.readUnsignedShort();
                case 10, 11 -> {
                    method[k] = true;
                    first[k] = in.readUnsignedShort();
                    second[k] = in.readUnsignedShort();
                }
                case 12 -> {
                    first[k] = in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                case 9, 17, 18, 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    k++; // a long or double takes two entries
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        for (int k = 1; k < size; k++) {
            if (method[k]) {
                String owner = utf8[first[first[k]]];
                String name = utf8[first[second[k]]];
                if ("java/lang/System".equals(owner) && "exit".equals(name)
                        || "java/lang/Runtime".equals(owner) && ("exit".equals(name) || "halt".equals(name))) {
                    return true;
                }
            }
        }
        return false;
    }
}
