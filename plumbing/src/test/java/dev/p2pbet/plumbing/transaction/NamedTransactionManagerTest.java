package dev.p2pbet.plumbing.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

class NamedTransactionManagerTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NamedTransactionManagerAutoConfiguration.class))
            .withUserConfiguration(TransactionalWorkConfiguration.class)
            .withBean("ledgerTransactions", DataSourceTransactionManager.class,
                    () -> new DataSourceTransactionManager(new SimpleDriverDataSource()));

    @Test
    void names_the_one_transaction_manager_where_the_attribute_names_none() {
        context.run(app -> assertThat(attribute(app.getBean(TransactionInterceptor.class), "unqualified").getQualifier())
                .isEqualTo("ledgerTransactions"));
    }

    @Test
    void keeps_the_manager_an_attribute_names() {
        context.run(app -> assertThat(attribute(app.getBean(TransactionInterceptor.class), "qualified").getQualifier())
                .isEqualTo("auditTransactions"));
    }

    @Test
    void leaves_the_attributes_alone_beside_a_second_transaction_manager() {
        context.withBean("auditTransactions", DataSourceTransactionManager.class,
                        () -> new DataSourceTransactionManager(new SimpleDriverDataSource()))
                .run(app -> assertThat(attribute(app.getBean(TransactionInterceptor.class), "unqualified").getQualifier())
                        .isEmpty());
    }

    private static TransactionAttribute attribute(TransactionInterceptor interceptor, String method)
            throws NoSuchMethodException {
        return interceptor.getTransactionAttributeSource()
                .getTransactionAttribute(TransactionalWork.class.getMethod(method), TransactionalWork.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class TransactionalWorkConfiguration {

        @Bean
        TransactionalWork work() {
            return new TransactionalWork();
        }
    }

    static class TransactionalWork {

        @Transactional
        public void unqualified() {
        }

        @Transactional("auditTransactions")
        public void qualified() {
        }
    }
}
