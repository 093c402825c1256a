//! A timeline document written with its events on two threads: the writing of a large
//! timeline (`export --format ron`, `import`) is most of its cost, and each event is written
//! on its own. Byte for byte what [`super::write_with_comments`] writes (its tests hold it to
//! that).

use std::borrow::Borrow;
use std::io::{self, Write};
use std::thread;

use super::serializer::Serializer;
use super::{Comments, Error, write_with_comments};
use crate::model::Event;
use crate::model::write::{Document, event};

/// Fewer events than this are written on one thread.
const SPLIT_AT: usize = 4096;

/// How the document ends when its events are left out: the empty list and the struct's
/// close; the events go between the brackets.
const EMPTY_END: &[u8] = b"events: [],\n)\n";

/// Writes `document` as [`super::write_with_comments`] does (the items of `comments` stand
/// before its events), the second half of its events written on a second thread while the
/// first half is written to `out`.
pub fn write_document<'a, E: Borrow<Event<'a>> + Sync>(
    document: &Document<'_, 'a, E>,
    comments: &Comments<'_>,
    out: &mut impl Write,
) -> io::Result<()> {
    write_split(document, comments, out, SPLIT_AT)
}

/// [`write_document`], on two threads from `split_at` events.
pub(super) fn write_split<'a, E: Borrow<Event<'a>> + Sync>(
    document: &Document<'_, 'a, E>,
    comments: &Comments<'_>,
    out: &mut impl Write,
    split_at: usize,
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
        .filter(|_| events.len() >= split_at.max(1))
    else {
        return write_with_comments(document, comments, out);
    };
    let t = document.timeline;
    let (first, second) = events.split_at(events.len() / 2);
    let write = |from: usize, part: &[E], out: &mut Vec<u8>| {
        let items = part.iter().map(|e| event(t, e.borrow()));
        list_items(Serializer::new(out, comments), from, items)
    };
    thread::scope(|s| {
        let later = s.spawn(|| {
            let mut text = Vec::new();
            write(first.len(), second, &mut text).map(|()| text)
        });
        out.write_all(head)?;
        out.write_all(b"events: [\n")?;
        let items = first.iter().map(|e| event(t, e.borrow()));
        let written = list_items(Serializer::new(out, comments), 0, items);
        let text = later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written?;
        out.write_all(&text?)?;
        out.write_all(b",\n    ],\n)\n")
    })
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
