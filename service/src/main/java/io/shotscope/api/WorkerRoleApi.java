package io.shotscope.api;

import io.shotscope.service.ServesApi;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * In a worker-only process ({@code serve --worker}) every {@code /api/**} request is answered 503 with
 * a problem detail naming the processes that do serve it; /health, /ready and /metrics still answer.
 */
@RestController
@Conditional(ServesApi.Not.class)
@Hidden
public class WorkerRoleApi {

    @RequestMapping("/api/**")
    public void notServed() {
        throw new ApiNotServedException();
    }
}
