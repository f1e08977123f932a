package dev.burstgitops.testing;

import java.nio.file.Path;

/** The lighttpd.conf that puts {@code git http-backend} behind basic auth. */
final class GitHttpServerConfig {

    private GitHttpServerConfig() {
    }

    static String render(int port, Path projectRoot, Path workDir, Path gitExecPath) {
        // mod_auth is listed before mod_cgi so that authentication runs before the CGI answers.
        // lighttpd delays answers to wrong credentials (against guessing); tests want them at once.
        return """
                server.modules = ("mod_auth", "mod_authn_file", "mod_alias", "mod_setenv", "mod_cgi")
                server.feature-flags = ( "auth.delay-invalid-creds" => "disable" )
                server.bind = "127.0.0.1"
                server.port = %d
                server.document-root = "%s"
                server.errorlog = "%s"
                alias.url = ( "/" => "%s/" )
                cgi.assign = ( "" => "" )
                setenv.set-environment = (
                  "GIT_PROJECT_ROOT" => "%s",
                  "GIT_HTTP_EXPORT_ALL" => "1",
                  "GIT_CONFIG_NOSYSTEM" => "1"
                )
                auth.backend = "plain"
                auth.backend.plain.userfile = "%s"
                auth.require = ( "/" => ( "method" => "basic", "realm" => "git", "require" => "valid-user" ) )
                """.formatted(port, projectRoot, workDir.resolve("error.log"), gitExecPath.resolve("git-http-backend"),
                projectRoot, workDir.resolve("users"));
    }
}
