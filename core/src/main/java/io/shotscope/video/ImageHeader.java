package io.shotscope.video;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The frame size a PNG or JPEG file declares in its header, read in Java so that an absurd size is
 * refused before FFmpeg decodes (and allocates) anything.
 */
final class ImageHeader {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int JPEG_SOI = 0xFFD8;
    /** JPEG markers are scanned no further than this into the file. */
    private static final int JPEG_SCAN_LIMIT = 1 << 20;

    record Size(long width, long height) {
    }

    private ImageHeader() {
    }

    /** The declared size, or empty when the file is neither PNG nor JPEG or its header is cut short. */
    static Optional<Size> read(Path file) {
        try (InputStream in = Files.newInputStream(file);
             DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
            data.mark(8);
            byte[] start = new byte[8];
            data.readFully(start);
            if (java.util.Arrays.equals(start, PNG_SIGNATURE)) {
                return png(data);
            }
            data.reset();
            if (data.readUnsignedShort() == JPEG_SOI) {
                return jpeg(data);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The IHDR chunk comes first: length, "IHDR", width and height as unsigned 32-bit. */
    private static Optional<Size> png(DataInputStream data) throws IOException {
        data.readInt();
        byte[] type = new byte[4];
        data.readFully(type);
        if (!"IHDR".equals(new String(type, java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        long width = Integer.toUnsignedLong(data.readInt());
        long height = Integer.toUnsignedLong(data.readInt());
        return Optional.of(new Size(width, height));
    }

    /** Walks the marker segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC). */
    private static Optional<Size> jpeg(DataInputStream data) throws IOException {
        long read = 2;
        while (read < JPEG_SCAN_LIMIT) {
            int marker;
            try {
                marker = data.readUnsignedShort();
            } catch (EOFException e) {
                return Optional.empty();
            }
            if ((marker & 0xFF00) != 0xFF00) {
                return Optional.empty();
            }
            int length = data.readUnsignedShort();
            boolean startOfFrame = marker >= 0xFFC0 && marker <= 0xFFCF
                    && marker != 0xFFC4 && marker != 0xFFC8 && marker != 0xFFCC;
            if (startOfFrame) {
                data.readUnsignedByte();
                int height = data.readUnsignedShort();
                int width = data.readUnsignedShort();
                return Optional.of(new Size(width, height));
            }
            if (length < 2) {
                return Optional.empty();
            }
            data.skipNBytes(length - 2);
            read += 2 + length;
        }
        return Optional.empty();
    }
}
