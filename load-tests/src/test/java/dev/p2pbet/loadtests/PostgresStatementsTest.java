package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresStatementsTest {

    @Test
    void summary_is_per_operation_with_the_busiest_database_first() {
        List<PostgresStatements.Statement> statements = List.of(
                new PostgresStatements.Statement("bet", "UPDATE bets SET status = $1\n   WHERE bet_id = $2", 20, 40.0, 20),
                new PostgresStatements.Statement("wallet_gateway", "INSERT INTO inbox VALUES ($1)", 10, 30.0, 10),
                new PostgresStatements.Statement("bet", "COMMIT", 30, 3.0, 0));

        String summary = PostgresStatements.summary("offers", "x.txt", 10,
                Map.of("bet", 30L, "wallet_gateway", 10L), statements);

        assertThat(summary).isEqualTo("PostgreSQL over the offers, per operation (`pg_stat_statements`, "
                + "`profiles/x.txt`): 4.0 transactions, 6.0 statements, 7.30 ms executing them; by database: "
                + "bet 3.0 transactions, 5.0 statements, 4.30 ms; wallet_gateway 1.0 transactions, 1.0 statements, "
                + "3.00 ms; the most time: bet `UPDATE bets SET status = $1 WHERE bet_id = $2` 4.00 ms in 2.0 calls; "
                + "wallet_gateway `INSERT INTO inbox VALUES ($1)` 3.00 ms in 1.0 calls; bet `COMMIT` 0.30 ms in "
                + "3.0 calls");
    }

    @Test
    void long_queries_are_cut_to_one_line() {
        assertThat(PostgresStatements.shortened("SELECT a,\n  b FROM t", 100)).isEqualTo("SELECT a, b FROM t");
        assertThat(PostgresStatements.shortened("SELECT abcdefghij", 10)).isEqualTo("SELECT ...");
    }
}
