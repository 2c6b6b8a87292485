package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkSplitTest {

    @Test
    void a_jdk_method_counts_for_the_framework_that_called_it() {
        assertThat(FrameworkSplit.attribute(List.of("java.util.HashMap", "java.util.HashMap",
                "org.springframework.web.servlet.DispatcherServlet", "org.apache.catalina.core.ApplicationFilterChain")))
                .isEqualTo("Spring MVC");
    }

    @Test
    void spring_security_is_told_apart_from_the_rest_of_spring() {
        assertThat(FrameworkSplit.attribute(List.of("org.springframework.security.web.FilterChainProxy")))
                .isEqualTo("Spring Security");
        assertThat(FrameworkSplit.attribute(List.of("org.springframework.beans.BeanUtils")))
                .isEqualTo("Spring core (beans, annotations, utilities)");
    }

    @Test
    void our_own_code_is_named_as_such() {
        assertThat(FrameworkSplit.attribute(List.of("java.lang.String", "dev.p2pbet.bet.offer.Bet",
                "org.springframework.web.method.support.InvocableHandlerMethod"))).isEqualTo("our code");
    }

    @Test
    void a_stack_of_jdk_frames_only_is_the_jdks() {
        assertThat(FrameworkSplit.attribute(List.of("java.lang.Thread", "jdk.internal.misc.Unsafe")))
                .isEqualTo(FrameworkSplit.JDK_ONLY);
    }

    @Test
    void a_library_outside_the_groups_is_other() {
        assertThat(FrameworkSplit.attribute(List.of("org.example.Thing"))).isEqualTo(FrameworkSplit.OTHER);
    }

    @Test
    void the_summary_gives_shares_largest_first() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Tomcat", 25L);
        counts.put("Spring MVC", 75L);

        assertThat(FrameworkSplit.summary(counts)).isEqualTo("Spring MVC 75.0 %, Tomcat 25.0 % (100 samples)");
    }
}
