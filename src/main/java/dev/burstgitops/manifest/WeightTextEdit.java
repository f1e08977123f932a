package dev.burstgitops.manifest;

import java.util.Comparator;
import java.util.List;

/**
 * Replace chars {@code [start, end)} of the original text with {@code replacement}; an
 * insertion has {@code start == end}. Offsets are Java char offsets, already converted from
 * SnakeYAML's code points.
 */
record WeightTextEdit(int start, int end, String replacement) {

    static WeightTextEdit insert(int at, String text) {
        return new WeightTextEdit(at, at, text);
    }

    /**
     * Applies edits that do not overlap. Working from the end of the text backwards keeps
     * every offset not yet applied valid.
     */
    static String applyAll(String text, List<WeightTextEdit> edits) {
        StringBuilder result = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(WeightTextEdit::start).reversed())
                .forEach(edit -> result.replace(edit.start(), edit.end(), edit.replacement()));
        return result.toString();
    }
}
