-- Shared by every service: the transactional outbox and the inbox of processed event ids.
-- Services list classpath:db/plumbing next to their own classpath:db/migration (versions >= 1).

CREATE TABLE outbox_record (
    id          BIGSERIAL   PRIMARY KEY,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    -- The value already in the Confluent wire format (magic byte, schema id, Avro body),
    -- serialized against the registry when the row was written.
    payload     BYTEA       NOT NULL,
    -- Kafka headers to send with the record, one "name=value" per line (the W3C traceparent of
    -- the transaction that wrote the row, so one trace spans services across the outbox hop).
    headers     TEXT        NOT NULL DEFAULT '',
    -- Rows of one key share a shard; a relay holds a shard's advisory lock while it sends,
    -- so replicas relay in parallel without reordering a key's records.
    shard       INT         NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX outbox_record_shard_id ON outbox_record (shard, id);

CREATE TABLE inbox_record (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
