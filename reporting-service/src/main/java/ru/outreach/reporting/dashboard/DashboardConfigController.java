package ru.outreach.reporting.dashboard;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The dashboard's sign-in settings, public (the page reads them before it has a token): whom to ask and as which
 * client. Nothing secret: the client is a public one, its proof is PKCE. Not an operation of the API, so not in its
 * OpenAPI document.
 */
@Hidden
@RestController
class DashboardConfigController {

    /** What the page needs to sign in: the issuer, the public client and whether to sign in at all. */
    record DashboardConfig(String issuer, String clientId, boolean enabled) {
    }

    private final DashboardConfig config;

    DashboardConfigController(DashboardProperties properties) {
        this.config = new DashboardConfig(properties.issuerUri(), properties.clientId(), properties.signIn());
    }

    @GetMapping("/dashboard/config.json")
    ResponseEntity<DashboardConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }
}
