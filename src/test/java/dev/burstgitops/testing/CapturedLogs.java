package dev.burstgitops.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the process at DEBUG and above, JGit's included, while open: for leak checks. */
public final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previousLevel = root.getLevel();
    // logback-test.xml keeps JGit at WARN; a leak check must see its DEBUG lines too.
    private final Logger jgit = (Logger) LoggerFactory.getLogger("org.eclipse.jgit");
    private final Level previousJgitLevel = jgit.getLevel();

    private CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        jgit.setLevel(Level.DEBUG);
    }

    public static CapturedLogs capture() {
        return new CapturedLogs();
    }

    /** Each event as level, logger, message and the messages of any attached exception. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder()
                    .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public List<String> linesAt(Level level) {
        return lines().stream().filter(line -> line.startsWith(level + " ")).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        jgit.setLevel(previousJgitLevel);
    }
}
