package io.shotscope.ml;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the arrays of a DJL parameter file ({@code *.params}) without the engine, in the order the
 * blocks saved them. Between the arrays DJL writes block metadata (versions, input shapes), which
 * is skipped by looking for the next array's magic; each array is then read field by field:
 * magic {@value #MAGIC}, version, an optional name, the sparse format, the data type, the shape
 * (dimensions, then a layout character per dimension), the byte order and the raw data. Only
 * dense FLOAT32 arrays are accepted, which is what {@link ShotNet} has.
 */
final class DjlParams {

    static final String FILE_MAGIC = "DJL@";
    static final String MAGIC = "NDAR";
    private static final byte[] MAGIC_BYTES = MAGIC.getBytes(StandardCharsets.US_ASCII);
    private static final int SUPPORTED_VERSION = 3;
    private static final int MAX_DIMENSIONS = 8;

    /** One array: its shape and its values in row-major order. */
    record Tensor(long[] shape, float[] values) {

        String shapeText() {
            return Arrays.toString(shape);
        }
    }

    private DjlParams() {
    }

    static List<Tensor> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < FILE_MAGIC.length()
                || !new String(bytes, 0, FILE_MAGIC.length(), StandardCharsets.US_ASCII).equals(FILE_MAGIC)) {
            throw new IOException(file + ": not a DJL parameter file (no " + FILE_MAGIC + " header)");
        }
        List<Tensor> tensors = new ArrayList<>();
        int at = indexOf(bytes, FILE_MAGIC.length());
        while (at >= 0) {
            DataInputStream in = new DataInputStream(
                    new ByteArrayInputStream(bytes, at + MAGIC_BYTES.length, bytes.length - at - MAGIC_BYTES.length));
            int before = in.available();
            tensors.add(readArray(file, in));
            at = indexOf(bytes, at + MAGIC_BYTES.length + before - in.available());
        }
        return tensors;
    }

    private static Tensor readArray(Path file, DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != SUPPORTED_VERSION) {
            throw new IOException(file + ": array format version " + version + ", this build reads " + SUPPORTED_VERSION);
        }
        if (in.readBoolean()) {
            in.readUTF(); // the array's name
        }
        String sparse = in.readUTF();
        String type = in.readUTF();
        if (!"DENSE".equals(sparse) || !"FLOAT32".equals(type)) {
            throw new IOException(file + ": array of " + sparse + " " + type + ", expected DENSE FLOAT32");
        }
        int dimensions = in.readInt();
        if (dimensions < 0 || dimensions > MAX_DIMENSIONS) {
            throw new IOException(file + ": array with " + dimensions + " dimensions");
        }
        long[] shape = new long[dimensions];
        long size = 1;
        for (int i = 0; i < dimensions; i++) {
            shape[i] = in.readLong();
            size *= shape[i];
        }
        int layout = in.readInt();
        for (int i = 0; i < layout; i++) {
            in.readChar();
        }
        ByteOrder order = in.readByte() == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int length = in.readInt();
        if (size < 0 || length != size * Float.BYTES || length > in.available()) {
            throw new IOException(file + ": array of shape " + Arrays.toString(shape) + " holds " + length
                    + " bytes (" + in.available() + " left in the file)");
        }
        byte[] data = new byte[length];
        in.readFully(data);
        float[] values = new float[(int) size];
        ByteBuffer.wrap(data).order(order).asFloatBuffer().get(values);
        return new Tensor(shape, values);
    }

    private static int indexOf(byte[] bytes, int from) {
        outer:
        for (int i = from; i <= bytes.length - MAGIC_BYTES.length; i++) {
            for (int j = 0; j < MAGIC_BYTES.length; j++) {
                if (bytes[i + j] != MAGIC_BYTES[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
