package dev.burstgitops.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code --log-format text|json}: human-readable lines by default, JSON lines for log pipelines. */
final class LogFormatOption {

    enum Format { TEXT, JSON }

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json: one JSON object per log line.")
    Format format;

    void apply() {
        if (format != Format.JSON) {
            return;
        }
        URL json = LogFormatOption.class.getResource("/logback-json.xml");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(json);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot switch to JSON logs", e);
        }
    }
}
