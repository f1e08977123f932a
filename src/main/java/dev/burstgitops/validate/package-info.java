/**
 * {@code validate}: checks a repository checkout the way a pull-request pipeline runs it, each
 * problem as {@code file:line: message}. May use {@code config}, {@code decision},
 * {@code manifest} and {@code override}; applies and commits nothing.
 */
package dev.burstgitops.validate;
