package dev.burstgitops.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The app.ini of a test Gitea: installed, SQLite, HTTP on 127.0.0.1 only, nothing it does not need.
 *
 * @param home    where install-peers put the binary with options/, templates/ and public/,
 *                which Gitea built without the bindata tag reads from STATIC_ROOT_PATH
 * @param workDir data, repositories, logs and the database
 * @param secretKey     Gitea's SECRET_KEY, the same for every command run on this work dir
 * @param internalToken what Gitea's own git hooks present to its internal API
 */
record GiteaConfig(Path home, Path workDir, String secretKey, String internalToken) {

    static GiteaConfig generate(Path home, Path workDir) {
        return new GiteaConfig(home, workDir, random(), random());
    }

    String render(int port) {
        return """
                APP_NAME = burst-gitops test forge
                RUN_MODE = prod
                WORK_PATH = %2$s
                ; The tests may run as root in a container; Gitea refuses that unless told.
                I_AM_BEING_UNSAFE_RUNNING_AS_ROOT = true

                [server]
                PROTOCOL = http
                HTTP_ADDR = 127.0.0.1
                HTTP_PORT = %1$d
                ROOT_URL = http://127.0.0.1:%1$d/
                DISABLE_SSH = true
                START_SSH_SERVER = false
                OFFLINE_MODE = true
                LFS_START_SERVER = false
                STATIC_ROOT_PATH = %3$s
                APP_DATA_PATH = %2$s/data

                [database]
                DB_TYPE = sqlite3
                PATH = %2$s/data/gitea.db
                SQLITE_JOURNAL_MODE = WAL

                [repository]
                ROOT = %2$s/repositories
                DEFAULT_BRANCH = main

                [security]
                INSTALL_LOCK = true
                SECRET_KEY = %4$s
                INTERNAL_TOKEN = %5$s
                PASSWORD_HASH_ALGO = pbkdf2_hi

                [service]
                DISABLE_REGISTRATION = true
                REQUIRE_SIGNIN_VIEW = false
                DEFAULT_ALLOW_CREATE_ORGANIZATION = true

                [oauth2]
                ENABLED = false

                [actions]
                ENABLED = false

                [indexer]
                ISSUE_INDEXER_TYPE = db
                REPO_INDEXER_ENABLED = false

                [cron]
                ENABLED = false

                [mailer]
                ENABLED = false

                [picture]
                DISABLE_GRAVATAR = true
                ENABLE_FEDERATED_AVATAR = false

                [session]
                PROVIDER = memory

                [cache]
                ADAPTER = memory

                ; Gitea's background work (closing the pull requests of a deleted branch, among others)
                ; runs before the request that caused it returns; from a queue it lands a moment later and
                ; can act on what the test's next step made (a new pull request on a re-created branch).
                [queue]
                TYPE = immediate

                ; Deliveries to the controller under test, on this machine.
                [webhook]
                ALLOWED_HOST_LIST = loopback
                SKIP_TLS_VERIFY = true
                DELIVER_TIMEOUT = 10

                [log]
                MODE = file
                LEVEL = Warn
                ROOT_PATH = %2$s/log
                """.formatted(port, workDir, home, secretKey, internalToken);
    }

    private static String random() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    }
}
