package io.shotscope.synth;

import java.util.SplittableRandom;

/**
 * Renders the frames of one shot from its latent factors. Every random detail comes from the
 * factors' detail seed, and only arithmetic on primitive arrays plus {@link StrictMath} is used, so
 * the same factors give the same pixels on every machine.
 *
 * <p>Per frame: the camera resamples the background (averaging sub-frames while the shutter is
 * open), moving objects and the occluder are composited with the same temporal supersampling,
 * then flicker scales the brightness and grain is added.
 */
final class ShotRenderer {

    /** Receives each frame as packed RGB24, {@code width * height * 3} bytes; the array is reused. */
    interface FrameSink {
        void accept(byte[] rgb) throws Exception;
    }

    private static final float[] GAUSSIAN_TABLE = gaussianTable();

    private final SynthConfig config;
    private final LatentFactors f;
    private final int w;
    private final int h;
    private final int bw;
    private final int bh;
    private final float[] background;
    private final double mid;

    // camera, in background pixels (a background pixel is a screen pixel at scale 1)
    private final double panDx;
    private final double panDy;
    private final double shake;
    private final double[] shakePhase = new double[4];
    private final double scaleMid;

    private final Sprite[] objects;
    private final double[] objectX;
    private final double[] objectY;
    private final double[] objectVx;
    private final double[] objectVy;

    private final Sprite occluder;
    private final double occluderY;

    private final float[] gain;
    private long grainState;

    private final float[] frame;
    private final float[] accAlpha;
    private final float[] accRgb;
    private final byte[] out;

    ShotRenderer(SynthConfig config, LatentFactors f, Backgrounds backgrounds) {
        this.config = config;
        this.f = f;
        this.w = config.width();
        this.h = config.height();
        this.bw = (int) Math.round(w * SynthConfig.BACKGROUND_SCALE);
        this.bh = (int) Math.round(h * SynthConfig.BACKGROUND_SCALE);
        this.mid = (config.frames() - 1) / 2.0;
        double px = config.pixelScale();
        SplittableRandom rng = new SplittableRandom(f.detailSeed());

        background = backgrounds.render(f, bw, bh, rng.split());
        Pixels.gaussianBlur(background, bw, bh, f.defocusSigma() * px);
        drawStrands(rng.split());

        double angle = Math.toRadians(f.panAngle());
        panDx = f.panSpeed() * px * StrictMath.cos(angle);
        panDy = f.panSpeed() * px * StrictMath.sin(angle);
        shake = f.shakeAmplitude() * px;
        for (int i = 0; i < shakePhase.length; i++) {
            shakePhase[i] = rng.nextDouble(2 * Math.PI);
        }
        // a zoom keeps the scale (background px per screen px) within [0.8, 1.6] over the shot
        scaleMid = f.zoomRate() == 0 ? 1.0
                : 1.6 / StrictMath.exp(Math.abs(f.zoomRate()) * mid / config.fps());

        int n = f.objectCount();
        objects = new Sprite[n];
        objectX = new double[n];
        objectY = new double[n];
        objectVx = new double[n];
        objectVy = new double[n];
        for (int i = 0; i < n; i++) {
            int oh = (int) Math.max(4, Math.round(f.objectSize() * h * rng.nextDouble(0.8, 1.2)));
            int ow = (int) Math.max(4, Math.round(oh * rng.nextDouble(0.6, 1.6)));
            objects[i] = Sprite.object(ow, oh, rng.split());
            // placed in the frame at mid-shot, moving relative to the background
            objectX[i] = cameraX(mid) + (rng.nextDouble(0.15, 0.85) - 0.5) * w * scaleMid;
            objectY[i] = cameraY(mid) + (rng.nextDouble(0.15, 0.85) - 0.5) * h * scaleMid;
            double dir = rng.nextDouble(2 * Math.PI);
            double speed = f.objectSpeed() * px * rng.nextDouble(0.8, 1.2);
            objectVx[i] = speed * StrictMath.cos(dir);
            objectVy[i] = speed * StrictMath.sin(dir);
        }

        if (f.occluderFrames() > 0) {
            occluder = Sprite.occluder((int) Math.round(w * rng.nextDouble(0.3, 0.55)),
                    (int) Math.round(h * 1.3), rng.split());
            occluderY = h * (0.5 + rng.nextDouble(-0.1, 0.1));
        } else {
            occluder = null;
            occluderY = 0;
        }

        gain = flickerGains(rng.split());
        grainState = rng.nextLong() | 1;

        frame = new float[3 * w * h];
        accAlpha = new float[w * h];
        accRgb = new float[3 * w * h];
        out = new byte[3 * w * h];
    }

    void render(FrameSink sink) throws Exception {
        for (int i = 0; i < config.frames(); i++) {
            renderFrame(i);
            sink.accept(out);
        }
    }

    private void renderFrame(int index) {
        java.util.Arrays.fill(frame, 0);
        int n = subframes(cameraBlur(index));
        for (int k = 0; k < n; k++) {
            resampleBackground(subframeTime(index, k, n), 1f / n);
        }
        for (int i = 0; i < objects.length; i++) {
            compositeObject(i, index);
        }
        if (occluder != null) {
            compositeOccluder(index);
        }
        finish(gain[index]);
    }

    /**
     * For each object, the share of the shot's frames in which its centre is on screen. The rubric
     * charges every object in full however briefly it is seen; this says how briefly (read by the
     * bench's {@code OnScreenObjects}, docs/model.md).
     */
    double[] objectsOnScreen() {
        double[] share = new double[objects.length];
        for (int i = 0; i < objects.length; i++) {
            for (int index = 0; index < config.frames(); index++) {
                double x = objectScreenX(i, index);
                double y = objectScreenY(i, index);
                if (x >= 0 && x < w && y >= 0 && y < h) {
                    share[i]++;
                }
            }
            share[i] /= config.frames();
        }
        return share;
    }

    /**
     * Each object's centre and size on screen at a frame, {@code {x, y, width, height}} in screen pixels
     * (read by the bench's {@code ObjectBoxes}, docs/model.md).
     */
    double[][] objectBoxes(int index) {
        double scale = cameraScale(index);
        double[][] boxes = new double[objects.length][];
        for (int i = 0; i < objects.length; i++) {
            boxes[i] = new double[] {objectScreenX(i, index), objectScreenY(i, index), objects[i].width() / scale,
                objects[i].height() / scale};
        }
        return boxes;
    }

    // ---------------------------------------------------------------- camera

    private double cameraX(double t) {
        double hz = 2 * Math.PI * f.shakeFrequency() / config.fps();
        double shakeX = shake * (0.65 * StrictMath.sin(hz * t + shakePhase[0])
                + 0.35 * StrictMath.sin(1.93 * hz * t + shakePhase[1]));
        return bw / 2.0 + panDx * (t - mid) + shakeX;
    }

    private double cameraY(double t) {
        double hz = 2 * Math.PI * f.shakeFrequency() / config.fps();
        double shakeY = 0.8 * shake * (0.65 * StrictMath.sin(1.13 * hz * t + shakePhase[2])
                + 0.35 * StrictMath.sin(2.17 * hz * t + shakePhase[3]));
        return bh / 2.0 + panDy * (t - mid) + shakeY;
    }

    /** Background pixels per screen pixel at time t. */
    private double cameraScale(double t) {
        return scaleMid * StrictMath.exp(-f.zoomRate() * (t - mid) / config.fps());
    }

    /** Screen pixels a frame corner travels while the shutter is open. */
    private double cameraBlur(int index) {
        double t0 = index - f.shutter() / 2;
        double t1 = index + f.shutter() / 2;
        double dx = (cameraX(t1) - w / 2.0 * cameraScale(t1)) - (cameraX(t0) - w / 2.0 * cameraScale(t0));
        double dy = (cameraY(t1) - h / 2.0 * cameraScale(t1)) - (cameraY(t0) - h / 2.0 * cameraScale(t0));
        return Math.sqrt(dx * dx + dy * dy) / cameraScale(index);
    }

    private void resampleBackground(double t, float weight) {
        double cx = cameraX(t);
        double cy = cameraY(t);
        double s = cameraScale(t);
        for (int y = 0; y < h; y++) {
            double by = cy + (y + 0.5 - h / 2.0) * s;
            for (int x = 0; x < w; x++) {
                Pixels.addBilinear(background, bw, bh, cx + (x + 0.5 - w / 2.0) * s, by, weight, frame, 3 * (y * w + x));
            }
        }
    }

    // ---------------------------------------------------------------- objects and occluder

    private int subframes(double blurPixels) {
        return f.shutter() <= 0 ? 1 : Math.max(1, Math.min(SynthConfig.MAX_SUBFRAMES, (int) Math.ceil(blurPixels)));
    }

    private double subframeTime(int index, int k, int n) {
        return index + f.shutter() * ((k + 0.5) / n - 0.5);
    }

    private double objectScreenX(int i, double t) {
        return (objectX[i] + objectVx[i] * (t - mid) - cameraX(t)) / cameraScale(t) + w / 2.0;
    }

    private double objectScreenY(int i, double t) {
        return (objectY[i] + objectVy[i] * (t - mid) - cameraY(t)) / cameraScale(t) + h / 2.0;
    }

    private void compositeObject(int i, int index) {
        double t0 = index - f.shutter() / 2;
        double t1 = index + f.shutter() / 2;
        double blur = Math.hypot(objectScreenX(i, t1) - objectScreenX(i, t0), objectScreenY(i, t1) - objectScreenY(i, t0));
        int n = subframes(blur);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            double t = subframeTime(index, k, n);
            xs[k] = objectScreenX(i, t);
            ys[k] = objectScreenY(i, t);
        }
        composite(objects[i], xs, ys, cameraScale(index));
    }

    /** The occluder crosses from left to right, visible exactly in its frames (blur aside). */
    private void compositeOccluder(int index) {
        int start = f.occluderStart();
        int frames = f.occluderFrames();
        if (index < start - 1 || index > start + frames) {
            return;
        }
        double travel = w + occluder.width();
        double speed = travel / frames;
        int n = subframes(speed * f.shutter());
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            double t = subframeTime(index, k, n);
            xs[k] = -occluder.width() / 2.0 + speed * (t - start + 0.5);
            ys[k] = occluderY;
        }
        composite(occluder, xs, ys, 1.0);
    }

    /**
     * Composites a sprite averaged over sub-frame positions {@code (xs[k], ys[k])} of its centre
     * (screen px); {@code inv} is sprite pixels per screen pixel.
     */
    private void composite(Sprite sp, double[] xs, double[] ys, double inv) {
        int n = xs.length;
        double hx = sp.width() / (2 * inv);
        double hy = sp.height() / (2 * inv);
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            minX = Math.min(minX, xs[k] - hx);
            maxX = Math.max(maxX, xs[k] + hx);
            minY = Math.min(minY, ys[k] - hy);
            maxY = Math.max(maxY, ys[k] + hy);
        }
        int x0 = (int) Math.max(0, Math.floor(minX)), x1 = (int) Math.min(w - 1, Math.ceil(maxX));
        int y0 = (int) Math.max(0, Math.floor(minY)), y1 = (int) Math.min(h - 1, Math.ceil(maxY));
        if (x0 > x1 || y0 > y1) {
            return;
        }
        for (int y = y0; y <= y1; y++) {
            java.util.Arrays.fill(accAlpha, y * w + x0, y * w + x1 + 1, 0f);
            java.util.Arrays.fill(accRgb, 3 * (y * w + x0), 3 * (y * w + x1 + 1), 0f);
        }
        int sw = sp.width(), sh = sp.height();
        float[] srgb = sp.rgb(), salpha = sp.alpha();
        for (int k = 0; k < n; k++) {
            for (int y = y0; y <= y1; y++) {
                double v = (y + 0.5 - ys[k]) * inv + sh / 2.0 - 0.5;
                if (v < 0 || v > sh - 1) {
                    continue;
                }
                int iv = Math.min(sh - 2, (int) v);
                float av = (float) (v - iv);
                for (int x = x0; x <= x1; x++) {
                    double u = (x + 0.5 - xs[k]) * inv + sw / 2.0 - 0.5;
                    if (u < 0 || u > sw - 1) {
                        continue;
                    }
                    int iu = Math.min(sw - 2, (int) u);
                    float au = (float) (u - iu);
                    float w00 = (1 - au) * (1 - av), w10 = au * (1 - av), w01 = (1 - au) * av, w11 = au * av;
                    int s00 = iv * sw + iu, s01 = s00 + sw;
                    int p = y * w + x;
                    accAlpha[p] += w00 * salpha[s00] + w10 * salpha[s00 + 1] + w01 * salpha[s01] + w11 * salpha[s01 + 1];
                    for (int c = 0; c < 3; c++) {
                        accRgb[3 * p + c] += w00 * srgb[3 * s00 + c] + w10 * srgb[3 * s00 + 3 + c]
                                + w01 * srgb[3 * s01 + c] + w11 * srgb[3 * s01 + 3 + c];
                    }
                }
            }
        }
        float norm = 1f / n;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int p = y * w + x;
                float keep = 1 - accAlpha[p] * norm;
                for (int c = 0; c < 3; c++) {
                    frame[3 * p + c] = frame[3 * p + c] * keep + accRgb[3 * p + c] * norm;
                }
            }
        }
    }

    // ---------------------------------------------------------------- fine detail, flicker, grain

    /**
     * Hair- or foliage-like strands: thin curved lines in 2-5 tufts near the part of the
     * background the camera sees, drawn sharp after defocus (they are in the focal plane).
     */
    private void drawStrands(SplittableRandom rng) {
        double px = config.pixelScale();
        int count = (int) Math.round(f.fineDetail() * 700 * (bw * (double) bh) / (640.0 * 360.0));
        if (count == 0) {
            return;
        }
        int tufts = 2 + rng.nextInt(4);
        double[][] tuft = new double[tufts][];
        float[][] palette = {{45, 32, 22}, {205, 175, 120}, {45, 95, 35}, {225, 225, 215}, {20, 20, 20}};
        for (int t = 0; t < tufts; t++) {
            float[] colour = palette[rng.nextInt(palette.length)];
            tuft[t] = new double[] {bw * rng.nextDouble(0.3, 0.7), bh * rng.nextDouble(0.3, 0.7),
                rng.nextDouble(2 * Math.PI), colour[0], colour[1], colour[2]};
        }
        double spread = 0.08 * bw;
        for (int s = 0; s < count; s++) {
            double[] t = tuft[s % tufts];
            double x = t[0] + rng.nextGaussian() * spread;
            double y = t[1] + rng.nextGaussian() * spread * 0.7;
            double dir = t[2] + rng.nextGaussian() * 0.4;
            double bend = rng.nextDouble(-0.03, 0.03);
            float tone = (float) rng.nextDouble(0.8, 1.2);
            int steps = (int) (2 * px * rng.nextDouble(10, 50));
            for (int i = 0; i < steps; i++) {
                splat(x, y, (float) t[3] * tone, (float) t[4] * tone, (float) t[5] * tone, 0.5f);
                x += 0.5 * StrictMath.cos(dir);
                y += 0.5 * StrictMath.sin(dir);
                dir += bend;
            }
        }
    }

    private void splat(double x, double y, float r, float g, float b, float opacity) {
        double fx = x - 0.5, fy = y - 0.5;
        if (fx < 0 || fy < 0 || fx >= bw - 1 || fy >= bh - 1) {
            return;
        }
        int x0 = (int) fx, y0 = (int) fy;
        float ax = (float) (fx - x0), ay = (float) (fy - y0);
        blend(3 * (y0 * bw + x0), (1 - ax) * (1 - ay) * opacity, r, g, b);
        blend(3 * (y0 * bw + x0 + 1), ax * (1 - ay) * opacity, r, g, b);
        blend(3 * ((y0 + 1) * bw + x0), (1 - ax) * ay * opacity, r, g, b);
        blend(3 * ((y0 + 1) * bw + x0 + 1), ax * ay * opacity, r, g, b);
    }

    private void blend(int o, float a, float r, float g, float b) {
        background[o] += (r - background[o]) * a;
        background[o + 1] += (g - background[o + 1]) * a;
        background[o + 2] += (b - background[o + 2]) * a;
    }

    /** Brightness gain per frame: 1, steady sinusoidal flicker, or a burst of alternating jumps. */
    private float[] flickerGains(SplittableRandom rng) {
        float[] g = new float[config.frames()];
        java.util.Arrays.fill(g, 1f);
        double a = f.flickerAmplitude();
        if (a <= 0) {
            return g;
        }
        if (f.flickerBurst()) {
            double sign = rng.nextBoolean() ? 1 : -1;
            for (int i = f.flickerStart(); i < Math.min(g.length, f.flickerStart() + f.flickerFrames()); i++) {
                g[i] = (float) (1 + sign * a * rng.nextDouble(0.7, 1.0));
                sign = -sign;
            }
        } else {
            double hz = 2 * Math.PI * rng.nextDouble(2, 8) / config.fps();
            double phase = rng.nextDouble(2 * Math.PI);
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (1 + a * StrictMath.sin(hz * i + phase));
            }
        }
        return g;
    }

    /** Applies the gain, adds grain and rounds to bytes. */
    private void finish(float gain) {
        float sigma = (float) f.grainSigma();
        long state = grainState;
        for (int p = 0; p < w * h; p++) {
            float n0 = 0, n1 = 0, n2 = 0;
            if (sigma > 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                n0 = sigma * GAUSSIAN_TABLE[(int) (state >>> 48)];
                n1 = sigma * GAUSSIAN_TABLE[(int) (state >>> 32) & 0xffff];
                n2 = sigma * GAUSSIAN_TABLE[(int) (state >>> 16) & 0xffff];
            }
            int o = 3 * p;
            out[o] = toByte(frame[o] * gain + n0);
            out[o + 1] = toByte(frame[o + 1] * gain + n1);
            out[o + 2] = toByte(frame[o + 2] * gain + n2);
        }
        grainState = state;
    }

    private static byte toByte(float v) {
        return (byte) Math.min(255, Math.max(0, (int) (v + 0.5f)));
    }

    private static float[] gaussianTable() {
        SplittableRandom rng = new SplittableRandom(0x5EEDL);
        float[] t = new float[1 << 16];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) rng.nextGaussian();
        }
        return t;
    }
}
