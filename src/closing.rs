//! A test writer that takes so many bytes and then fails as a closed pipe does: what the
//! writers of exports and imports are held to when their reader goes away.

use std::io;

/// An output that takes `room` bytes, keeping them, then fails with `BrokenPipe`.
#[derive(Debug, Default)]
pub(crate) struct Closing {
    pub room: usize,
    pub got: Vec<u8>,
}

impl Closing {
    /// An output already closed (`roundtable export … | head -0`).
    pub(crate) fn closed() -> Self {
        Closing::default()
    }
}

impl io::Write for Closing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        self.got.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
