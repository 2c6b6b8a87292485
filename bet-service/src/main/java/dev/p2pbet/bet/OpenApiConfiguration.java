package dev.p2pbet.bet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is and that every call carries a bearer JWT. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI betServiceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Bet service API").version("1")
                        .description("Offers, acceptance and the escrow saga. The user is the JWT's subject. "
                                + "Every error is RFC 9457 problem+json with a `reason` code. Amounts are integers "
                                + "in minor units; lines are in tenths of a point (2155 = 215.5)."))
                .servers(List.of(new Server().url("/").description("this service (behind the API gateway)")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
