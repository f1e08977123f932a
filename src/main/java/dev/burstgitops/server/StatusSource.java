package dev.burstgitops.server;

/**
 * What {@code /status} shows: any object Jackson can write (records, maps, lists); instants,
 * durations and optionals are written as ISO-8601 text and their content. Called on an HTTP
 * thread for each request, so it must return a snapshot quickly and never block on a loop.
 */
@FunctionalInterface
public interface StatusSource {

    Object status();
}
