//! The title bar: the timeline's title, the filters on and the `/` search, and the position.
//!
//! Every filter on is named at every width where their names fit: when they do not fit whole,
//! their longest values are shortened (`participant: Vladimir M… · source: RT`), then the
//! parts whose values do not fit are named without them (`participant · source: RT ·
//! anonymous`); only when even that does not fit are the last ones counted (`+2 more`). The
//! title gives way first, down to a few cells (see `fit`).

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{cut, put};
use super::theme::Theme;
use crate::app::{App, View, text};
use crate::query::Filter;
use crate::query::filter::Named;

/// The cells the title keeps when the filters need the room (less when it is shorter).
const TITLE_MIN: usize = 12;

/// The cells the title keeps, at the least, when the filters are named without their values.
const TITLE_LEAST: usize = 8;

/// The fewest cells a value is cut to (`V…`): below that, the parts are named alone.
const CUT_MIN: usize = 2;

/// Between the title and each part, and between parts.
const SEP: &str = " · ";

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let t = app.doc.timeline();
    let n = app.len();
    let sel = if n == 0 { 0 } else { app.selected + 1 };
    let right = match app.view() {
        // The rows around the selection are shown; the whole list is still being counted.
        View::Statements if app.counting() => " counting statements… ".to_owned(),
        View::Events if app.counting() => format!(" counting… of {} ", t.events.len()),
        View::Statements => format!(" {sel}/{n} statements "),
        View::Events if app.filter == Filter::default() => format!(" {sel}/{n} "),
        View::Events => format!(" {sel}/{n} of {} ", t.events.len()),
    };
    let mut active: Vec<Part> = app
        .filter
        .named(t, app.doc.index())
        .iter()
        .map(Part::of)
        .collect();
    // The `/` search, which hides nothing, as it was typed: told apart from `search: “…”`,
    // the filter (`--search`), which hides what it does not find.
    if let Some(s) = &app.search {
        active.push(Part {
            key: "/".into(),
            value: text::line(&s.query).into_owned(),
            quoted: false,
        });
    }
    let width = usize::from(area.width);
    let room = width.saturating_sub(text::width(&right));
    let title = format!(" {}", text::line(&t.title));
    let filters = fit(&active, room, text::width(&title));
    let title_span = cut(
        &title,
        room.saturating_sub(text::width(&filters)),
        theme.title,
    );
    let used = text::width(&title_span.content);
    let filter_span = cut(&filters, room.saturating_sub(used), theme.filters);
    let used = used + text::width(&filter_span.content);
    let gap = " ".repeat(room.saturating_sub(used));
    let line = Line::from(vec![
        title_span,
        filter_span,
        Span::raw(gap),
        Span::styled(right, theme.position),
    ]);
    put(buf, area, 0, &line);
}

/// One thing on, as the title bar names it: its name (`source: `, `/`, `anonymous`) and its
/// value, which may be shortened (quoted text keeps its quotation marks).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    key: String,
    value: String,
    quoted: bool,
}

impl Part {
    /// A part as the filter names it ([`Filter::named`]), its value made safe to show.
    fn of(named: &Named) -> Part {
        Part {
            key: match named.value {
                Some(_) => format!("{}: ", named.name),
                None => named.name.to_string(),
            },
            value: named
                .value
                .as_deref()
                .map_or_else(String::new, |v| text::line(v).into_owned()),
            quoted: named.quoted,
        }
    }

    /// The part by its name alone: `source`, `anonymous`; `/…` for the `/` search.
    fn name(&self) -> String {
        match self.key.strip_suffix(": ") {
            Some(name) => name.to_string(),
            None if self.value.is_empty() => self.key.clone(),
            None => format!("{}…", self.key),
        }
    }

    /// The part with its value cut to `cap` cells (spaces before the `…` left out).
    fn shown(&self, cap: usize) -> String {
        let value = match text::truncate(&self.value, cap) {
            (std::borrow::Cow::Owned(_), kept, _) => {
                format!("{}…", self.value[..kept].trim_end())
            }
            (whole, ..) => whole.into_owned(),
        };
        if self.quoted {
            format!("{}“{value}”", self.key)
        } else {
            format!("{}{value}", self.key)
        }
    }
}

/// The parts as the title bar lists them after the title (` · source: RT · anonymous`), for
/// a bar of `room` cells whose title is `title` cells wide:
/// 1. whole, when they fit beside the title or its first [`TITLE_MIN`] cells;
/// 2. else the longest values cut to the most cells that lets every part fit (the short ones
///    whole as far as the room allows), no value cut below [`CUT_MIN`] cells;
/// 3. else each part by its name, and by its value too where the room allows, the shortest
///    values first (`participant · source: RT · anonymous`), the title down to
///    [`TITLE_LEAST`] cells if need be;
/// 4. else, beside as much of the title, the first parts by name and how many more (`+2
///    more`), cut to the room when even that does not fit.
///
/// Empty when nothing is on.
fn fit(parts: &[Part], room: usize, title: usize) -> String {
    let n = parts.len();
    if n == 0 {
        return String::new();
    }
    let beside = room.saturating_sub(title.min(TITLE_MIN));
    let least = room.saturating_sub(title.min(TITLE_LEAST));
    if let Some(caps) = cut_to(parts, beside) {
        let caps: Vec<Option<usize>> = caps.into_iter().map(Some).collect();
        return listed(parts, &caps);
    }
    let fits = |caps: &[Option<usize>], within: usize| text::width(&listed(parts, caps)) <= within;
    let mut caps = vec![None; n];
    if fits(&caps, least) {
        let within = if fits(&caps, beside) { beside } else { least };
        let long: Vec<usize> = parts.iter().map(|p| text::width(&p.value)).collect();
        let mut valued: Vec<usize> = (0..n).filter(|&i| long[i] > 0).collect();
        valued.sort_by_key(|&i| long[i]);
        for i in valued {
            caps[i] = Some(long[i]);
            if !fits(&caps, within) {
                caps[i] = None;
            }
        }
        return listed(parts, &caps);
    }
    (0..n)
        .rev()
        .map(|k| listed(parts, &vec![None; k]))
        .find(|s| text::width(s) <= least)
        .unwrap_or_else(|| text::truncate(&listed(parts, &[]), least).0.into_owned())
}

/// The most cells each value can keep for every part to fit in `room` (see [`fit`], step 2);
/// `None` when they do not fit with every value cut to [`CUT_MIN`] cells.
fn cut_to(parts: &[Part], room: usize) -> Option<Vec<usize>> {
    let n = parts.len();
    let long: Vec<usize> = parts.iter().map(|p| text::width(&p.value)).collect();
    let fits = |caps: &[usize]| {
        let caps: Vec<Option<usize>> = caps.iter().copied().map(Some).collect();
        text::width(&listed(parts, &caps)) <= room
    };
    if !fits(&vec![CUT_MIN; n]) {
        return None;
    }
    // The widest cut that is the same for every value and fits.
    let (mut lo, mut hi) = (
        CUT_MIN,
        long.iter().copied().max().unwrap_or(0).max(CUT_MIN),
    );
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if fits(&vec![mid; n]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut caps = vec![lo; n];
    // The cells left: first to show short values whole, shortest first, then a cell more to
    // each value cut, in order, while one fits.
    let mut cut: Vec<usize> = (0..n).filter(|&i| long[i] > lo).collect();
    cut.sort_by_key(|&i| long[i]);
    for &i in &cut {
        let was = std::mem::replace(&mut caps[i], long[i]);
        if !fits(&caps) {
            caps[i] = was;
        }
    }
    let mut grew = true;
    while grew {
        grew = false;
        for i in 0..n {
            if caps[i] < long[i] {
                caps[i] += 1;
                if fits(&caps) {
                    grew = true;
                } else {
                    caps[i] -= 1;
                }
            }
        }
    }
    Some(caps)
}

/// The first parts, as many as `caps` has, each value cut to its cap (by name alone for
/// `None`), and how many more there are.
fn listed(parts: &[Part], caps: &[Option<usize>]) -> String {
    let mut out = String::new();
    for (p, cap) in parts.iter().zip(caps) {
        out.push_str(SEP);
        match cap {
            Some(cap) => out.push_str(&p.shown(*cap)),
            None => out.push_str(&p.name()),
        }
    }
    if caps.len() < parts.len() {
        let _ = write!(out, "{SEP}+{} more", parts.len() - caps.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Part, fit};
    use crate::app::text;
    use crate::query::filter::Named;

    /// The parts as the filter would name them, from `name: value`, `name: “text”` or a
    /// flag's name.
    fn parts(described: &[&str]) -> Vec<Part> {
        described.iter().map(|d| Part::of(&named(d))).collect()
    }

    fn named(described: &str) -> Named {
        let Some((name, value)) = described.split_once(": ") else {
            return Named {
                name: described.to_string().leak(),
                value: None,
                quoted: false,
            };
        };
        let text = value.strip_prefix('“').and_then(|v| v.strip_suffix('”'));
        Named {
            name: name.to_string().leak(),
            value: Some(text.unwrap_or(value).to_string()),
            quoted: text.is_some(),
        }
    }

    const ON: [&str; 6] = [
        "participant: Vladimir Medinsky",
        "source: RT",
        "via: “tass”",
        "search: “prisoner swap”",
        "anonymous",
        "disputed",
    ];

    /// The bundled timeline's title with its leading space: 43 cells.
    const TITLE: usize = 43;

    #[test]
    fn every_part_is_named_whole_when_there_is_room() {
        let all = fit(&parts(&ON), 200, TITLE);
        assert_eq!(
            all,
            " · participant: Vladimir Medinsky · source: RT · via: “tass” · search: \
             “prisoner swap” · anonymous · disputed"
        );
        // Beside the title cut to 12 cells.
        assert_eq!(fit(&parts(&ON), text::width(&all) + 12, TITLE), all);
        assert_eq!(fit(&[], 10, TITLE), "");
    }

    #[test]
    fn short_of_room_the_long_values_are_cut_and_the_short_ones_stay_whole() {
        assert_eq!(
            fit(&parts(&ON), 112, TITLE),
            " · participant: Vladimir Me… · source: RT · via: “tass” · search: “prisoner…” · \
             anonymous · disputed"
        );
        assert_eq!(
            fit(&parts(&ON), 94, TITLE),
            " · participant: Vl… · source: RT · via: “t…” · search: “p…” · anonymous · disputed"
        );
    }

    #[test]
    fn shorter_still_the_parts_are_named_without_their_values_then_counted() {
        // 80 columns less `0/0 of 23`: the title keeps 8 cells.
        let got = fit(&parts(&ON), 69, TITLE);
        assert_eq!(
            got,
            " · participant · source · via · search · anonymous · disputed"
        );
        assert_eq!(69 - text::width(&got), 8);
        // Named, then given their values where the room allows, the shortest first.
        let four = parts(&[
            "participant: Vladimir Medinsky",
            "source: RT",
            "search: “swap”",
            "anonymous",
        ]);
        assert_eq!(
            fit(&four, 69, TITLE),
            " · participant · source: RT · search: “swap” · anonymous"
        );
        assert_eq!(
            fit(&parts(&ON), 47, TITLE),
            " · participant · source · via · +3 more"
        );
        assert_eq!(fit(&parts(&ON), 18, TITLE), " · +6 more");
        assert_eq!(fit(&parts(&ON), 13, TITLE), " · +…");
        // The `/` search, named alone, still says what it is.
        let find = Part {
            key: "/".into(),
            value: "kursk".into(),
            quoted: false,
        };
        assert_eq!(find.name(), "/…");
        assert_eq!(find.shown(3), "/ku…");
    }

    #[test]
    fn at_every_width_the_parts_fit_beside_some_of_the_title() {
        for room in 0..200 {
            let got = fit(&parts(&ON), room, TITLE);
            assert!(text::width(&got) <= room.saturating_sub(8), "{room}: {got}");
            let named = got.contains(" · disputed");
            assert_eq!(named, room >= 69, "{room}: {got}");
        }
    }

    #[test]
    fn a_value_keeps_its_colons_and_quoted_text_keeps_its_marks() {
        assert_eq!(
            Part::of(&named("source: A: B")),
            Part {
                key: "source: ".into(),
                value: "A: B".into(),
                quoted: false
            }
        );
        let p = Part::of(&named("search: “a long text”"));
        assert_eq!(p.shown(4), "search: “a l…”");
        assert_eq!(Part::of(&named("disputed")).shown(1), "disputed");
    }
}
