// SPDX-License-Identifier: MIT
// Linked into every test program (noc_add_test): before main() runs, the process's keychain service
// becomes "nocdash-test-<program>". Every CredentialStore made with the default service then stays out
// of the operator's real "nocdash" entries: the engine's own, and those of nocctl and nocdash started by
// a test (they inherit the environment). Here rather than in each test, so that no test can forget it
// and it holds however a test is run (ctest, tools/test.sh, or the binary by hand on a desktop session).
#include <QByteArray>
#include <QtGlobal>

namespace {

void useThisTestsKeychainService()
{
    // The variable CredentialStore reads (CredentialStore::kServiceVariable; tst_credentialstore checks
    // that the two agree). Set unconditionally: a developer's own value must not leak into a test.
    qputenv("NOCDASH_KEYCHAIN_SERVICE", QByteArrayLiteral("nocdash-test-" NOC_TEST_NAME));
}

} // namespace

Q_CONSTRUCTOR_FUNCTION(useThisTestsKeychainService)
