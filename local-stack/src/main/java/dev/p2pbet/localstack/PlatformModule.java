package dev.p2pbet.localstack;

import java.util.List;

/** A runnable module of the platform: its folder, its database, and its port when `./platform run` uses fixed ports. */
record PlatformModule(String name, String database, int defaultPort) {

    static final PlatformModule WALLET_SIMULATOR = new PlatformModule("wallet-simulator", "wallet_simulator", 8085);
    static final PlatformModule BET = new PlatformModule("bet-service", "bet", 8081);
    static final PlatformModule WALLET_GATEWAY = new PlatformModule("wallet-gateway-service", "wallet_gateway", 8082);
    static final PlatformModule SETTLEMENT = new PlatformModule("settlement-service", "settlement", 8083);
    static final PlatformModule STATS = new PlatformModule("stats-service", "stats", 8084);

    /** In start order: the provider first, so the gateway finds it. */
    static final List<PlatformModule> ALL = List.of(WALLET_SIMULATOR, BET, WALLET_GATEWAY, SETTLEMENT, STATS);

    static PlatformModule named(String name) {
        return ALL.stream().filter(module -> module.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No module " + name + "; the modules are "
                        + ALL.stream().map(PlatformModule::name).toList()));
    }
}
