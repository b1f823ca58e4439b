package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs first (see junit-platform.properties) so the engine loads here, with the network watched. */
@Order(1)
class OfflineEngineTest {

    @Test
    void engineLoadsOfflineFromThePinnedNativeJarWithoutTouchingTheNetwork() {
        List<URI> attempts = new CopyOnWriteArrayList<>();
        ProxySelector original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                throw new IllegalStateException("network access during an offline test: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
        try {
            EngineAvailable.require();
            Engine engine = MlEngine.get();
            assertEquals("true", System.getProperty(MlEngine.OFFLINE_PROPERTY));
            assertEquals("PyTorch", engine.getEngineName());
            assertEquals("2.7.1", engine.getVersion(), "the native library must be the pinned Maven build");
            assertNotNull(getClass().getClassLoader().getResource("pytorch/cpu/linux-x86_64/libtorch_cpu.so"),
                    "pytorch-native-cpu (linux-x86_64) must be on the class path");
            try (NDManager manager = engine.newBaseManager()) {
                NDArray sum = manager.create(new float[] {1, 2, 3}).sum();
                assertEquals(6f, sum.getFloat(), 1e-6);
            }
            try (ShotClassifier classifier = SyntheticShots.untrained(3)) {
                double[] p = classifier.probabilities(SyntheticShots.shot(Difficulty.Easy, 32, new Random(3)));
                assertEquals(1.0, p[0] + p[1] + p[2], 1e-5);
            }
            assertTrue(attempts.isEmpty(), "no network access expected, saw " + attempts);
        } finally {
            ProxySelector.setDefault(original);
        }
    }
}
