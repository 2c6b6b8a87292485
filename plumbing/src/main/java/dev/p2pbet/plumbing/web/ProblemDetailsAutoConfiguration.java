package dev.p2pbet.plumbing.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.filter.FormContentFilter;

/**
 * Every refusal as problem+json: the advice for what the handlers throw, the error page for what fails outside them
 * (before Boot's {@code BasicErrorController}), and two filters for headers and bodies Spring MVC would turn into 500s.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class ProblemDetailsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }


    @Bean
    ContentTypeFilter contentTypeFilter() {
        return new ContentTypeFilter();
    }

    @Bean
    @ConditionalOnMissingBean(FormContentFilter.class)
    @ConditionalOnProperty(prefix = "spring.mvc.formcontent.filter", name = "enabled", matchIfMissing = true)
    ProblemFormContentFilter formContentFilter() {
        return new ProblemFormContentFilter();
    }

    /** Tomcat's error report valve replaced by {@link ProblemErrorReportValve}, set before the host starts. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.startup.Tomcat",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    static class TomcatErrorReport {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
