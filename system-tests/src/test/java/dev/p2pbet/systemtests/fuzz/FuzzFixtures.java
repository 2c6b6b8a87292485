package dev.p2pbet.systemtests.fuzz;

/**
 * What the fuzzer may aim at: a funded creator with one open offer on a scheduled game, a signed-up user with an
 * empty wallet (the stranger), an operator, a user who never signed up, and the sign-up hook's key. Every request
 * that names one of these real objects is generated so that it must be refused (see {@link RequestGenerator}).
 */
record FuzzFixtures(String creatorId, String creatorToken, String creatorWallet, String strangerId,
                    String strangerToken, String strangerWallet, String adminToken, String unknownUserToken,
                    String gameId, String playerId, String openBetId, String hookKey) {
}
