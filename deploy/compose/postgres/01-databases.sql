-- One database per service (and one for the wallet simulator), created on the first start of
-- the compose stack's PostgreSQL. Each service's Flyway migrations own what is inside.
CREATE DATABASE bet;
CREATE DATABASE wallet_gateway;
CREATE DATABASE settlement;
CREATE DATABASE stats;
CREATE DATABASE wallet_simulator;
