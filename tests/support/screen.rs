//! What a drawn screen must never hold, and how wide its rows must be. Written independently
//! of `model::escape`, so that a character missing from the code's list shows up here.

use ratatui::buffer::{Buffer, CellWidth};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Characters a terminal (or a bidirectional renderer) acts on instead of showing: C0 and C1
/// controls and DEL, the bidi embeddings, overrides, isolates and marks, and the line and
/// paragraph separators some terminals break lines at.
#[must_use]
pub fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// The first forbidden character in `text` that is not in `allowed`, with its line.
pub fn inert_but(text: &str, allowed: &[char]) -> Result<(), String> {
    for (n, line) in text.split('\n').enumerate() {
        if let Some(c) = line
            .chars()
            .find(|&c| forbidden(c) && !allowed.contains(&c))
        {
            return Err(format!(
                "raw {c:?} on line {}: {:?}",
                n + 1,
                line.chars().take(200).collect::<String>()
            ));
        }
    }
    Ok(())
}

/// A row as the terminal receives it: the symbols of the cells drawn, leaving out the cells a
/// wide symbol covers (ratatui never sends those; a cell's own width, which the code may force,
/// says how many).
#[must_use]
pub fn row_text(buf: &Buffer, y: u16) -> String {
    let mut line = String::new();
    let mut covered = 0;
    for x in 0..buf.area.width {
        if covered > 0 {
            covered -= 1;
            continue;
        }
        let cell = &buf[(buf.area.x + x, buf.area.y + y)];
        covered = usize::from(cell.cell_width()).saturating_sub(1);
        line.push_str(cell.symbol());
    }
    line
}

/// Checks every cell and row of a drawn buffer:
///
/// - no cell holds a [`forbidden`] character;
/// - each row, read as the terminal reads it (grapheme by grapheme, so that symbols in
///   neighbouring cells that join into one — a flag split over two cells, a joiner at the end
///   of a cell — count as the one they become), is exactly as wide as the screen: no symbol
///   hangs past the right edge, no cell is empty of width, nothing shifts what follows it.
pub fn check_buffer(buf: &Buffer) -> Result<(), String> {
    let area = buf.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let s = buf[(area.x + x, area.y + y)].symbol();
            if let Some(c) = s.chars().find(|&c| forbidden(c)) {
                return Err(format!(
                    "cell ({x}, {y}) holds {c:?} in {s:?}\n{}",
                    plain(buf)
                ));
            }
        }
        let row = row_text(buf, y);
        let width: usize = row.graphemes(true).map(terminal_width).sum();
        if width != usize::from(area.width) {
            return Err(format!(
                "row {y} is {width} cells wide on a screen {} wide: {row:?}\n{}",
                area.width,
                plain(buf)
            ));
        }
    }
    Ok(())
}

/// Cells a terminal gives one grapheme cluster (Unicode's widths applied to the whole
/// cluster, as `unicode-width` does), not ratatui's `CellWidth`, which counts a halfwidth
/// sound mark twice.
#[must_use]
pub fn terminal_width(g: &str) -> usize {
    if g.len() == 1 { 1 } else { g.width() }
}

/// The buffer as text, one line per row, for failure messages.
#[must_use]
pub fn plain(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y).trim_end().to_string() + "\n")
        .collect()
}
