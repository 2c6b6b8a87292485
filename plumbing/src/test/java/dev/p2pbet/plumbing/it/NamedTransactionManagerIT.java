package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.it.PlumbingTestApplication.TransactionalWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.interceptor.TransactionInterceptor;

@PlumbingIntegrationTest
class NamedTransactionManagerIT {

    @Autowired
    TransactionInterceptor transactions;

    @Autowired
    TransactionalWork work;

    @Test
    void names_the_service_transaction_manager_in_an_attribute_that_names_none() throws NoSuchMethodException {
        var attribute = transactions.getTransactionAttributeSource()
                .getTransactionAttribute(TransactionalWork.class.getMethod("inTransaction"), TransactionalWork.class);

        assertThat(attribute.getQualifier()).isEqualTo("transactionManager");
    }

    @Test
    void runs_a_transactional_method_in_a_transaction() {
        assertThat(work.inTransaction()).isTrue();
    }
}
