//! Diagnostics must point into the text they describe: the page slices the text with their byte offsets
//! and highlights with their UTF-16 offsets, so an offset past the end or inside a character breaks it.

use ecr_policy_engine::diagnostic::Diagnostic;

/// Checks every diagnostic's span against `text`: byte range on character boundaries within the text,
/// UTF-16 offsets and 1-based line and column agreeing with the byte offsets.
pub fn check(text: &str, diagnostics: &[Diagnostic]) -> Result<(), String> {
    for diagnostic in diagnostics {
        let span = diagnostic.span;
        let (Some(before), Some(inside)) = (text.get(..span.range().start), text.get(span.range()))
        else {
            return Err(format!(
                "diagnostic `{}` has span {}..{} outside the text or inside a character (text length {})",
                diagnostic.code,
                span.start,
                span.end,
                text.len()
            ));
        };
        let utf16_start = before.encode_utf16().count();
        let utf16_end = utf16_start + inside.encode_utf16().count();
        if (span.utf16_start as usize, span.utf16_end as usize) != (utf16_start, utf16_end) {
            return Err(format!(
                "diagnostic `{}` at bytes {}..{} has UTF-16 offsets {}..{}, expected {utf16_start}..{utf16_end}",
                diagnostic.code, span.start, span.end, span.utf16_start, span.utf16_end
            ));
        }
        let line = before.matches('\n').count() + 1;
        let column = before
            .rsplit('\n')
            .next()
            .map_or(0, |last| last.chars().count())
            + 1;
        if (span.line as usize, span.column as usize) != (line, column) {
            return Err(format!(
                "diagnostic `{}` at byte {} says line {} column {}, expected line {line} column {column}",
                diagnostic.code, span.start, span.line, span.column
            ));
        }
    }
    Ok(())
}
