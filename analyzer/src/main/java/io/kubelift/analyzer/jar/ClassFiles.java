package io.kubelift.analyzer.jar;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads just enough of a class file (JVMS §4) to tell whether it declares {@code public static void
 * main(String[])}: the constant pool (to name the methods), then the field and method tables.
 * Nothing is loaded or run; a truncated or malformed file is "no main", never an exception.
 */
final class ClassFiles {
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_STATIC = 0x0008;
    private static final int MAX_POOL = 65_535;

    private ClassFiles() {}

    /** Whether the class file declares {@code public static void main(String[])}. */
    public static boolean hasMainMethod(byte[] classFile) {
        try {
            return scan(ByteBuffer.wrap(classFile));
        } catch (BufferUnderflowException
                | IllegalArgumentException
                | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static boolean scan(ByteBuffer b) {
        if (b.getInt() != 0xCAFEBABE) {
            return false;
        }
        b.getShort(); // minor
        b.getShort(); // major
        int count = Short.toUnsignedInt(b.getShort());
        if (count == 0 || count > MAX_POOL) {
            return false;
        }
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = Byte.toUnsignedInt(b.get());
            switch (tag) {
                case 1 -> {
                    byte[] s = new byte[Short.toUnsignedInt(b.getShort())];
                    b.get(s);
                    utf8[i] =
                            new String(
                                    s,
                                    StandardCharsets
                                            .UTF_8); // modified UTF-8: exact for the ASCII names
                    // compared here
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(b, 4);
                case 5, 6 -> {
                    skip(b, 8);
                    i++; // long and double take two slots
                }
                case 7, 8, 16, 19, 20 -> skip(b, 2);
                case 15 -> skip(b, 3);
                default -> {
                    return false; // unknown tag: not a class file we understand
                }
            }
        }
        skip(b, 6); // access flags, this class, super class
        skip(b, 2 * Short.toUnsignedInt(b.getShort())); // interfaces
        int fields = Short.toUnsignedInt(b.getShort());
        for (int i = 0; i < fields; i++) {
            skip(b, 6);
            skipAttributes(b);
        }
        int methods = Short.toUnsignedInt(b.getShort());
        boolean main = false;
        for (int i = 0; i < methods; i++) {
            int flags = Short.toUnsignedInt(b.getShort());
            String name = utf8[Short.toUnsignedInt(b.getShort())];
            String descriptor = utf8[Short.toUnsignedInt(b.getShort())];
            main |=
                    (flags & (ACC_PUBLIC | ACC_STATIC)) == (ACC_PUBLIC | ACC_STATIC)
                            && "main".equals(name)
                            && "([Ljava/lang/String;)V".equals(descriptor);
            skipAttributes(b);
        }
        skipAttributes(
                b); // the class's own attributes: the file must end exactly there, or it is not a
        // whole class
        return main && !b.hasRemaining();
    }

    private static void skipAttributes(ByteBuffer b) {
        int n = Short.toUnsignedInt(b.getShort());
        for (int i = 0; i < n; i++) {
            b.getShort();
            long len = Integer.toUnsignedLong(b.getInt());
            if (len > b.remaining()) {
                throw new IllegalArgumentException("attribute past the end");
            }
            skip(b, (int) len);
        }
    }

    private static void skip(ByteBuffer b, int n) {
        b.position(b.position() + n); // IllegalArgumentException past the limit
    }
}
