//! Rows of fields for `list` and `statements`: aligned under a header on a terminal,
//! tab-separated with no header into a pipe, every field escaped onto one line.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::app::text::width;
use crate::model::escape::escape_line;

/// How lines are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// For a terminal: a header line, columns padded to line up.
    Table,
    /// For pipes and files: no header, fields separated by one tab.
    Tabs,
}

/// One column: its header, and whether its values line up on the right (numbers).
pub struct Column {
    pub header: &'static str,
    pub right: bool,
}

/// Writes `count` rows, row `i` being `row(i)` (one field per column, untrusted text
/// allowed: every field is escaped here). The last column is never padded. In the table
/// layout `row` is called twice per row, once to measure; no row, no header (a filter that
/// keeps nothing has said why on stderr, and a header alone would read as an answer).
pub fn write<'r>(
    columns: &[Column],
    count: usize,
    row: impl Fn(usize) -> Vec<Cow<'r, str>>,
    layout: Layout,
    out: &mut impl Write,
) -> io::Result<()> {
    let cells =
        |i: usize| -> Vec<String> { row(i).iter().map(|f| escape_line(f).into_owned()).collect() };
    match layout {
        Layout::Tabs => {
            for i in 0..count {
                writeln!(out, "{}", cells(i).join("\t"))?;
            }
        }
        Layout::Table if count == 0 => {}
        Layout::Table => {
            let mut widths: Vec<usize> = columns.iter().map(|c| c.header.len()).collect();
            for i in 0..count {
                for (w, cell) in widths.iter_mut().zip(cells(i)) {
                    *w = (*w).max(width(&cell));
                }
            }
            let header: Vec<Cow<'_, str>> =
                columns.iter().map(|c| Cow::Borrowed(c.header)).collect();
            line(columns, &widths, &header, out)?;
            for i in 0..count {
                let cells: Vec<Cow<'_, str>> = cells(i).into_iter().map(Cow::Owned).collect();
                line(columns, &widths, &cells, out)?;
            }
        }
    }
    Ok(())
}

fn line(
    columns: &[Column],
    widths: &[usize],
    cells: &[Cow<'_, str>],
    out: &mut impl Write,
) -> io::Result<()> {
    let last = columns.len() - 1;
    let mut s = String::new();
    for (k, (cell, column)) in cells.iter().zip(columns).enumerate() {
        if k > 0 {
            s.push_str("  ");
        }
        if k == last {
            s.push_str(cell);
            break;
        }
        let pad = " ".repeat(widths[k].saturating_sub(width(cell)));
        if column.right {
            s.push_str(&pad);
            s.push_str(cell);
        } else {
            s.push_str(cell);
            s.push_str(&pad);
        }
    }
    writeln!(out, "{}", s.trim_end())
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{Column, Layout, write};

    fn render(count: usize, layout: Layout) -> String {
        let columns = [
            Column {
                header: "ID",
                right: false,
            },
            Column {
                header: "N",
                right: true,
            },
        ];
        let mut out = Vec::new();
        write(
            &columns,
            count,
            |i| {
                vec![
                    Cow::Owned(format!("e{i}")),
                    Cow::Owned((i * 10).to_string()),
                ]
            },
            layout,
            &mut out,
        )
        .expect("writing to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn a_table_with_rows_has_a_header_and_one_without_has_nothing() {
        // The last column is never padded, even a number.
        assert_eq!(render(2, Layout::Table), "ID  N\ne0  0\ne1  10\n");
        assert_eq!(render(0, Layout::Table), "");
        assert_eq!(render(0, Layout::Tabs), "");
    }
}
