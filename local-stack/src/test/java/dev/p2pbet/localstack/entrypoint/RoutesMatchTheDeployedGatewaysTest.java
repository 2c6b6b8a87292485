package dev.p2pbet.localstack.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The local entry point, the compose gateway (nginx) and the Kubernetes ingress route the same paths the same way. */
class RoutesMatchTheDeployedGatewaysTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void the_deployed_routes_are_those_of_the_kubernetes_ingress() throws IOException {
        String ingress = Files.readString(PROJECT.resolve("deploy/k8s/base/ingress.yaml"));
        Matcher path = Pattern.compile("- path: (\\S+)\\s+pathType: (\\w+)\\s+backend:\\s+service:\\s+name: (\\S+)")
                .matcher(ingress);
        Set<String> deployed = new TreeSet<>();
        while (path.find()) {
            deployed.add(describe(path.group(1), path.group(2).equals("Exact"), path.group(3)));
        }

        assertThat(deployed).isNotEmpty().isEqualTo(localDeployedRoutes());
    }

    @Test
    void the_deployed_routes_are_those_of_the_compose_gateway() throws IOException {
        String nginx = Files.readString(PROJECT.resolve("deploy/compose/nginx/templates/default.conf.template"));
        Matcher location = Pattern.compile("location (= )?(/\\S+)\\s*\\{[^}]*proxy_pass http://(\\w+);").matcher(nginx);
        Set<String> deployed = new TreeSet<>();
        while (location.find()) {
            deployed.add(describe(location.group(2), location.group(1) != null, location.group(3).replace('_', '-')));
        }

        assertThat(deployed).isNotEmpty().isEqualTo(localDeployedRoutes());
    }

    private static Set<String> localDeployedRoutes() {
        List<Route> routes = PlatformRoutes.all().stream().filter(Route::deployed).toList();
        Set<String> described = new TreeSet<>();
        routes.forEach(route -> described.add(describe(route.pattern(), route.exact(), route.module())));
        return described;
    }

    private static String describe(String path, boolean exact, String module) {
        return path + (exact ? " (exact)" : "/**") + " -> " + module;
    }
}
