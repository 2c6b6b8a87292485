package dev.p2pbet.plumbing.transaction;

import java.lang.reflect.Method;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.DelegatingTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * Names the service's one transaction manager in every {@code @Transactional} attribute that names none.
 *
 * <p>For such an attribute Spring 7 looks for a {@code @Qualifier} on the target class on every call
 * ({@code TransactionAspectSupport.determineTransactionManager}), an annotation scan per transactional call: 3-4 % of
 * bet-service's and settlement-service's CPU in the flight recordings of load run J. A named manager is resolved once
 * and cached. This applies only to a context with exactly one transaction manager, where the scan could lead to no
 * other: a qualifier that names no manager falls back to the default one.
 */
final class NamedTransactionManager implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;

    NamedTransactionManager(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String[] managers = beans.getBeanNamesForType(TransactionManager.class, false, false);
        if (managers.length != 1) {
            return;
        }
        for (TransactionInterceptor interceptor : beans.getBeansOfType(TransactionInterceptor.class, false, false)
                .values()) {
            TransactionAttributeSource attributes = interceptor.getTransactionAttributeSource();
            if (attributes != null && !(attributes instanceof Naming)) {
                interceptor.setTransactionAttributeSource(new Naming(attributes, managers[0]));
            }
        }
    }

    /** The attributes of {@code delegate}, each naming {@code manager} unless it names a manager itself. */
    record Naming(TransactionAttributeSource delegate, String manager) implements TransactionAttributeSource {

        @Override
        public boolean isCandidateClass(Class<?> targetClass) {
            return delegate.isCandidateClass(targetClass);
        }

        @Override
        public boolean hasTransactionAttribute(Method method, Class<?> targetClass) {
            return delegate.hasTransactionAttribute(method, targetClass);
        }

        @Override
        public TransactionAttribute getTransactionAttribute(Method method, Class<?> targetClass) {
            TransactionAttribute attribute = delegate.getTransactionAttribute(method, targetClass);
            if (attribute == null || StringUtils.hasText(attribute.getQualifier())) {
                return attribute;
            }
            return new DelegatingTransactionAttribute(attribute) {
                @Override
                public String getQualifier() {
                    return manager;
                }
            };
        }
    }
}
