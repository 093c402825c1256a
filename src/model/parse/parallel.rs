//! Reading a long `events` list on every core, with the same result as reading it in order.
//!
//! The list is cut at guessed element boundaries (an `Event(` after a `,`), and each piece but
//! the first is read speculatively on its own thread. A piece is kept only when the in-order
//! reading arrives exactly at its start (so it really is an element boundary) and the piece
//! read cleanly; otherwise that stretch is read again in order. Diagnostics and records are
//! therefore identical to a sequential read, whatever the file holds.

use super::recover::ListEnd;
use super::{Open, PResult, Parser};
use crate::model::labels::renumber;
use crate::model::types::{Event, Labels, Offset};

/// Below this many bytes of events, threads cost more than they save.
const MIN_PARALLEL_BYTES: usize = 1 << 20;

/// Events per block of a speculative reader's output. The blocks are copied into the one
/// events list and freed one by one, so that the copy holds at most one block twice in
/// memory (one list per piece was the load's peak: 16 MB more at 100k events).
const BLOCK: usize = 4096;

/// What one speculative reader produced.
struct Piece<'a> {
    blocks: Vec<Vec<Event<'a>>>,
    /// Where it stopped: the first element boundary at or after the next cut, or the `]`.
    end: Offset,
    /// How its last run ended: paused at the next cut, or at the `]`.
    ended: ListEnd,
    clean: bool,
    last_string: (Offset, Offset),
    /// The `channel` and `lang` texts this thread's events name, numbered on their own.
    labels: Labels<'a>,
}

/// Where an element probably starts at or after `from`: an `Event(` preceded, across
/// whitespace, by the `,` that ended the previous element.
fn element_start_after(src: &str, from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let i = at + src.get(at..)?.find("Event(")?;
        let before = src[..i].trim_end_matches([' ', '\t', '\n', '\r']);
        if before.ends_with(',') {
            return Some(i);
        }
        at = i + 1;
    }
}

impl<'a> Parser<'a> {
    /// A reader of the same text at `pos`, in the same context as `self`.
    fn fork(&self, pos: Offset) -> Parser<'a> {
        Parser {
            src: self.src,
            bytes: self.bytes,
            pos,
            diags: Vec::new(),
            open: self.open.clone(),
            last_string: (0, 0),
            explicit_struct_names: self.explicit_struct_names,
            threads: 1,
            progress: self.progress.clone(),
            ids: self.ids.clone(),
            scratch: super::records::Scratch::default(),
            rec: super::Recovery::default(),
            lenient_at: None,
            line_cache: (0, 0),
            labels: Labels::default(),
        }
    }

    /// Reads elements from the cursor (just inside the list, or just after a `,`) until the
    /// first element boundary at or after `stop`, or the end of the list.
    fn event_run(&mut self, stop: Offset, out: &mut Vec<Event<'a>>) -> PResult<ListEnd> {
        self.event_block(stop, out, usize::MAX)
    }

    /// [`Self::event_run`], pausing also once `max` events have been read.
    fn event_block(
        &mut self,
        stop: Offset,
        out: &mut Vec<Event<'a>>,
        max: usize,
    ) -> PResult<ListEnd> {
        let depth = self.open.len();
        let mut read = |p: &mut Self| {
            out.push(p.event()?);
            p.tick()
        };
        self.items(depth, &mut read, |p, n| p.pos >= stop || n >= max)
    }

    /// Reads the `events` list, on several threads when it is long.
    pub(super) fn events(&mut self) -> PResult<Vec<Event<'a>>> {
        let threads = self.threads;
        let rest = self.bytes.len() - self.pos;
        if threads < 2 || rest < MIN_PARALLEL_BYTES || self.peek() != Some(b'[') {
            return self.records(|p| {
                let event = p.event()?;
                p.tick()?;
                Ok(event)
            });
        }
        let list_start = self.pos;
        let mut cuts: Vec<Offset> = (1..threads)
            .filter_map(|k| element_start_after(self.src, list_start + rest / threads * k))
            .collect();
        cuts.dedup();
        if cuts.is_empty() {
            return self.records(|p| {
                let event = p.event()?;
                p.tick()?;
                Ok(event)
            });
        }
        self.open.push((list_start, Open::List));
        self.pos += 1;
        let depth = self.open.len();

        let mut events = Vec::new();
        let (first, pieces) = std::thread::scope(|scope| {
            let handles: Vec<_> = cuts
                .iter()
                .enumerate()
                .map(|(k, &start)| {
                    let stop = cuts.get(k + 1).copied().unwrap_or(usize::MAX);
                    let mut p = self.fork(start);
                    scope.spawn(move || {
                        let mut blocks = Vec::new();
                        let ended = loop {
                            let mut block = Vec::with_capacity(BLOCK);
                            let read = p.event_block(stop, &mut block, BLOCK);
                            let full = block.len() >= BLOCK;
                            blocks.push(block);
                            match read {
                                Ok(ListEnd::Paused) if full && p.pos < stop => {}
                                Ok(ended) => break Some(ended),
                                Err(_) => break None,
                            }
                        };
                        Piece {
                            blocks,
                            end: p.pos,
                            ended: ended.unwrap_or(ListEnd::Unclosed),
                            clean: ended.is_some() && p.diags.is_empty(),
                            last_string: p.last_string,
                            labels: std::mem::take(&mut p.labels),
                        }
                    })
                })
                .collect();
            let first = self.event_run(cuts[0], &mut events);
            let pieces: Vec<Piece<'a>> = handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect();
            (first, pieces)
        });
        let mut ended = first?;
        let speculated: usize = pieces.iter().flat_map(|p| &p.blocks).map(Vec::len).sum();
        events.reserve_exact(speculated);
        for (k, piece) in pieces.into_iter().enumerate() {
            if ended != ListEnd::Paused {
                // The list ended before this guess: it was not an element of it.
                break;
            }
            if self.pos == cuts[k] && piece.clean {
                let map = self.labels.merge(piece.labels);
                for mut block in piece.blocks {
                    if !map.is_empty() {
                        for e in &mut block {
                            relabel(e, &map);
                        }
                    }
                    events.extend(block);
                }
                self.pos = piece.end;
                self.last_string = piece.last_string;
                ended = piece.ended;
            } else {
                let stop = cuts.get(k + 1).copied().unwrap_or(usize::MAX);
                ended = self.event_run(stop, &mut events)?;
            }
        }
        // What is left after the last piece, up to the end of the list (a run stops only there).
        if ended == ListEnd::Paused {
            ended = self.event_run(usize::MAX, &mut events)?;
        }
        if ended == ListEnd::Bracket {
            self.pos += 1;
        }
        self.open.truncate(depth - 1);
        events.shrink_to_fit();
        Ok(events)
    }
}

/// Renumbers the labels of a reader thread's event into the main reader's table.
fn relabel(e: &mut Event<'_>, map: &[crate::model::types::Label]) {
    for q in &mut e.quotes {
        q.channel = renumber(q.channel, map);
        q.lang = renumber(q.lang, map);
    }
    for c in &mut e.claims {
        c.channel = renumber(c.channel, map);
        c.lang = renumber(c.lang, map);
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_with_threads;
    use super::*;

    #[test]
    fn finds_element_starts_after_a_comma_only() {
        let src = r#"events: [Event(a), "Event(" ,  Event(b)]"#;
        let first = src.find("Event(").unwrap();
        assert_eq!(
            element_start_after(src, first + 1),
            Some(src.rfind("Event(").unwrap())
        );
        assert_eq!(element_start_after(src, src.len()), None);
    }

    /// A timeline of `n` events, large enough to be split; `event(i)` may alter one.
    fn big(n: usize, event: impl Fn(usize) -> String) -> String {
        let mut s = String::from(
            "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"o\")], \
             participants: [Participant(id: \"p\", name: \"P\")], events: [\n",
        );
        for i in 0..n {
            s.push_str(&event(i));
            s.push_str(",\n");
        }
        s.push_str("])\n");
        s
    }

    fn plain(i: usize) -> String {
        format!(
            "    Event(id: \"e{i}\", when: \"2025-07-{:02}\", title: \"Event number {i} {}\", \
             quotes: [Quote(speaker: \"p\", text: \"words {i}\", source: \"s\")])",
            i % 28 + 1,
            "padding ".repeat(40)
        )
    }

    /// Reads `src` in order and on 2, 3 and 5 threads, and asserts the same outcome.
    fn same_as_in_order(src: &str) {
        assert!(
            src.len() > MIN_PARALLEL_BYTES,
            "the test text must be long enough to split"
        );
        let (one, one_diags) = parse_with_threads(src, 1);
        let one = format!("{one:?}");
        for threads in [2, 3, 5] {
            let (many, many_diags) = parse_with_threads(src, threads);
            assert_eq!(many_diags, one_diags, "diagnostics on {threads} threads");
            assert!(
                format!("{many:?}") == one,
                "records differ on {threads} threads"
            );
        }
    }

    #[test]
    fn a_clean_list_reads_the_same_on_every_thread_count() {
        same_as_in_order(&big(12_000, plain));
    }

    #[test]
    fn errors_in_a_speculative_piece_are_reported_as_in_order() {
        same_as_in_order(&big(12_000, |i| match i {
            7_000 => plain(i).replace("when: ", "wen: "),
            9_500 => plain(i).replace("speaker: \"p\"", "speaker: 3"),
            _ => plain(i),
        }));
        // A syntax error is got past as an in-order read gets past it.
        same_as_in_order(&big(12_000, |i| {
            if i == 8_000 {
                plain(i).replace("title:", "title")
            } else {
                plain(i)
            }
        }));
    }

    #[test]
    fn a_cut_inside_a_string_is_read_again_in_order() {
        // Every title holds ", Event(" so most guessed cuts fall inside strings.
        same_as_in_order(&big(12_000, |i| plain(i).replace("padding", "x, Event(")));
    }
}
