package org.opencac.service;

import org.opencac.service.support.RunningService;

/** The API contract on the embedded H2 database (the default). */
class H2ServiceApiTest extends ServiceApiContract {
    @Override
    RunningService start() throws Exception {
        return RunningService.onFreshH2();
    }
}
