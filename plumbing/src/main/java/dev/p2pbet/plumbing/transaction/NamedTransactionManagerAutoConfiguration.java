package dev.p2pbet.plumbing.transaction;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.interceptor.TransactionInterceptor;

@AutoConfiguration
@ConditionalOnClass(TransactionInterceptor.class)
public class NamedTransactionManagerAutoConfiguration {

    @Bean
    static NamedTransactionManager namedTransactionManager(ListableBeanFactory beans) {
        return new NamedTransactionManager(beans);
    }
}
