package dev.p2pbet.plumbing.kafka;

import dev.p2pbet.schemas.topics.TopicCatalogue;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;

/** Avro serdes against the registry, the topic catalogue provisioned in dev, DLT error handling. */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PlumbingKafkaProperties.class)
public class PlumbingKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TopicCatalogue topicCatalogue() {
        return TopicCatalogue.load();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AvroRecordSerializer avroRecordSerializer(PlumbingKafkaProperties properties) {
        return new AvroRecordSerializer(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "p2pbet.kafka.provision-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics catalogueTopics(TopicCatalogue catalogue) {
        return new KafkaAdmin.NewTopics(TopicProvisioning.newTopics(catalogue).toArray(new org.apache.kafka.clients.admin.NewTopic[0]));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(KafkaProperties kafkaProperties, PlumbingKafkaProperties properties) {
        return DeadLetterTopics.errorHandler(kafkaProperties.buildProducerProperties(),
                kafkaProperties.buildConsumerProperties(), properties);
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }
}
