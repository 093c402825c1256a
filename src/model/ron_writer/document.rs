//! A timeline document written with its events on two threads: the writing of a large
//! timeline (`export --format ron`, `import`) is most of its cost, and each event is written
//! on its own. The events go in pieces of [`PIECE`]: this thread writes every other piece
//! straight to the output, the second thread the pieces between into a few buffers that are
//! used again, so that the memory written twice stays a few megabytes at any size. Byte for
//! byte what [`super::write_with_comments`] writes (its tests hold it to that).

use std::borrow::Borrow;
use std::io::{self, Write};
use std::sync::mpsc;
use std::thread;

use super::serializer::Serializer;
use super::{Comments, Error, write_with_comments};
use crate::model::Event;
use crate::model::write::{Document, event};

/// Fewer events than this are written on one thread.
const SPLIT_AT: usize = 4096;

/// Events in a piece: about a megabyte of output (an event takes 400-900 bytes), small
/// enough to stay in the cache between its writing and its copy, large enough that handing
/// pieces over costs nothing measurable.
const PIECE: usize = 1024;

/// Buffers the second thread writes its pieces into, handed back once copied: one being
/// written while another waits to be copied, and one to spare.
const BUFFERS: usize = 3;

/// How the document ends when its events are left out: the empty list and the struct's
/// close; the events go between the brackets.
const EMPTY_END: &[u8] = b"events: [],\n)\n";

/// Writes `document` as [`super::write_with_comments`] does (the items of `comments` stand
/// before its events), every other piece of its events written on a second thread while the
/// others are written to `out`.
pub fn write_document<'a, E: Borrow<Event<'a>> + Sync>(
    document: &Document<'_, 'a, E>,
    comments: &Comments<'_>,
    out: &mut impl Write,
) -> io::Result<()> {
    write_split(document, comments, out, SPLIT_AT, PIECE)
}

/// [`write_document`], on two threads from `split_at` events, in pieces of `piece` events
/// (at most half of them, so that there are two pieces at least).
pub(super) fn write_split<'a, E: Borrow<Event<'a>> + Sync>(
    document: &Document<'_, 'a, E>,
    comments: &Comments<'_>,
    out: &mut impl Write,
    split_at: usize,
    piece: usize,
) -> io::Result<()> {
    let events = document.events;
    // The document without its events, to put them into.
    let frame = Document {
        events: &events[..0],
        ..*document
    };
    let top = Comments {
        top: comments.top.clone(),
        ..Comments::default()
    };
    let mut head = Vec::new();
    write_with_comments(&frame, &top, &mut head)?;
    let Some(head) = head
        .strip_suffix(EMPTY_END)
        .filter(|_| events.len() >= split_at.max(2))
    else {
        return write_with_comments(document, comments, out);
    };
    let t = document.timeline;
    let piece = piece.clamp(1, events.len() / 2);
    // Piece `k`: the events from `k * piece`, to `out`.
    let write = |k: usize, out: &mut Vec<u8>| write_piece(t, events, piece, k, comments, out);
    let pieces = events.len().div_ceil(piece);
    // Buffers go to the second thread empty and come back written, in the pieces' order.
    let (free, spare) = mpsc::channel::<Vec<u8>>();
    let (written, done) = mpsc::channel::<io::Result<Vec<u8>>>();
    for _ in 0..BUFFERS {
        let _ = free.send(Vec::new());
    }
    thread::scope(|s| {
        let later = s.spawn(move || {
            for k in (1..pieces).step_by(2) {
                // No buffer: this thread stopped writing (an error), so does this one.
                let Ok(mut buf) = spare.recv() else {
                    return;
                };
                buf.clear();
                let result = write(k, &mut buf).map(|()| buf);
                let failed = result.is_err();
                if written.send(result).is_err() || failed {
                    return;
                }
            }
        });
        let result = (|| {
            out.write_all(head)?;
            out.write_all(b"events: [\n")?;
            for k in (0..pieces).step_by(2) {
                write_piece(t, events, piece, k, comments, out)?;
                if k + 1 < pieces {
                    let buf = done
                        .recv()
                        .map_err(|_| io::Error::other("the writer stopped"))??;
                    out.write_all(&buf)?;
                    let _ = free.send(buf);
                }
            }
            out.write_all(b",\n    ],\n)\n")
        })();
        // The second thread ends as its next buffer is asked for, or at once if it is done.
        drop(free);
        drop(done);
        later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        result
    })
}

/// Writes piece `k` of `events`, those from `k * piece` (0-based) to `(k + 1) * piece` or the
/// end, as items of the events list, to `out`.
fn write_piece<'a, E: Borrow<Event<'a>>, W: Write>(
    t: &crate::model::Timeline<'a>,
    events: &[E],
    piece: usize,
    k: usize,
    comments: &Comments<'_>,
    out: &mut W,
) -> io::Result<()> {
    let from = k * piece;
    let part = &events[from..(from + piece).min(events.len())];
    let items = part.iter().map(|e| event(t, e.borrow()));
    list_items(Serializer::new(out, comments), from, items)
}

/// [`Serializer::list_items`], its error as [`super::write_with_comments`] gives it.
fn list_items<W: Write, T: serde::Serialize>(
    ser: Serializer<'_, '_, W>,
    from: usize,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    match ser.list_items(from, items) {
        Ok(()) => Ok(()),
        Err(Error::Io(e)) => Err(e),
        Err(Error::Message(m)) => Err(io::Error::other(m)),
    }
}
