package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    @Test
    void fittedTemperatureLowersTheNllOfAnOverConfidentModel() {
        Random random = new Random(8);
        int n = 200;
        float[][] logits = new float[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3);
            // Right 70% of the time, but always with a logit margin of 8 (about 99.9% confidence).
            int predicted = random.nextDouble() < 0.7 ? labels[i] : (labels[i] + 1 + random.nextInt(2)) % 3;
            logits[i][predicted] = 8f;
        }
        double temperature = TemperatureScaling.fit(logits, labels);
        double before = TemperatureScaling.nll(logits, labels, 1.0);
        double after = TemperatureScaling.nll(logits, labels, temperature);
        System.out.printf("temperature %.3f: NLL %.3f -> %.3f%n", temperature, before, after);
        assertTrue(temperature > 1, "an over-confident model needs T > 1, got " + temperature);
        assertTrue(after < before * 0.5, "NLL " + before + " -> " + after);
    }
}
