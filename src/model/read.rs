//! Reading a timeline file from disk, refusing anything that is not a regular UTF-8 file.
//!
//! Nothing here ever blocks on a FIFO or device, reads more than the size limit, or writes.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;
use std::sync::atomic::Ordering::Relaxed;

use super::progress::Progress;

/// How much is read between progress updates and checks for a cancel.
const BLOCK: u64 = 16 << 20;

/// Default largest file read: 4 GiB.
pub const DEFAULT_MAX_SIZE: u64 = 4 << 30;

/// Why a file could not be read, as one line for the user.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused to stat, open or read it (missing, no permission, …).
    Io(io::Error),
    /// The path names a directory.
    Directory,
    /// The path names something other than a regular file or directory; holds what it is,
    /// with its article (`"a FIFO"`, `"a socket"`, …). It is never opened for reading.
    NotRegular(&'static str),
    /// The file is over the limit (`--max-size`, default [`DEFAULT_MAX_SIZE`]).
    TooLarge {
        /// Its size in bytes: from its metadata, or, if it grew while being read, the bytes
        /// read (then `limit + 1`, since reading stops there).
        size: u64,
        /// The largest size allowed, in bytes.
        limit: u64,
    },
    /// The file starts with a UTF-16 byte-order mark (`FF FE` or `FE FF`).
    Utf16,
    /// The file is not valid UTF-8; the position is that of the first invalid byte.
    NotUtf8 {
        /// 1-based line of the bad byte (lines end at `\n`).
        line: usize,
        /// 1-based column of the bad byte, in characters of the valid text before it on
        /// its line.
        col: usize,
        /// The first byte that is not valid UTF-8 there.
        byte: u8,
    },
    /// The user asked to stop (Ctrl-C) while it was being read.
    Cancelled,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {}", io_message(e)),
            ReadError::Directory => f.write_str("is a directory, not a timeline file"),
            ReadError::NotRegular(kind) => write!(
                f,
                "is {kind}, not a regular file; roundtable reads only regular files"
            ),
            ReadError::TooLarge { size, limit } => {
                write!(
                    f,
                    "is {size} bytes, larger than the limit of {limit} bytes (raise it with --max-size)"
                )
            }
            ReadError::Cancelled => f.write_str("cancelled"),
            ReadError::Utf16 => f.write_str(
                "is UTF-16 text; roundtable reads UTF-8 (convert with `iconv -f UTF-16 -t UTF-8`)",
            ),
            ReadError::NotUtf8 { line, col, byte } => {
                write!(
                    f,
                    "is not UTF-8 text: byte 0x{byte:02x} at line {line}, column {col}"
                )
            }
        }
    }
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            // Drop the "(os error N)" suffix: the words are what a reader needs.
            // and start it in lower case, like the rest of the line.
            let s = e.to_string();
            let words = s.split(" (os error").next().unwrap_or(&s);
            let mut chars = words.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
        }
    }
}

fn kind_of(ft: std::fs::FileType) -> Option<&'static str> {
    if ft.is_dir() {
        None
    } else if ft.is_fifo() {
        Some("a FIFO")
    } else if ft.is_char_device() {
        Some("a character device")
    } else if ft.is_block_device() {
        Some("a block device")
    } else if ft.is_socket() {
        Some("a socket")
    } else {
        Some("not a regular file")
    }
}

fn check_type(meta: &std::fs::Metadata, limit: u64) -> Result<(), ReadError> {
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(ReadError::Directory);
    }
    if !ft.is_file() {
        return Err(ReadError::NotRegular(
            kind_of(ft).unwrap_or("not a regular file"),
        ));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    Ok(())
}

/// Reads `path` as UTF-8 text of at most `limit` bytes. A UTF-8 byte-order mark is kept.
///
/// # Errors
///
/// [`ReadError::Directory`] or [`ReadError::NotRegular`] if `path` is not a regular file
/// (checked before and after opening, which never blocks), [`ReadError::TooLarge`] if it holds
/// more than `limit` bytes, [`ReadError::Io`] if it cannot be read, and the errors of
/// [`decode`].
pub fn read_file(path: &Path, limit: u64) -> Result<String, ReadError> {
    read_file_with(path, limit, None)
}

/// [`read_file`], counting bytes in `progress` and stopping when it is cancelled.
///
/// # Errors
///
/// Those of [`read_file`], and [`ReadError::Cancelled`] when `progress` is cancelled (checked
/// after every 16 MiB block).
pub fn read_file_with(
    path: &Path,
    limit: u64,
    progress: Option<&Progress>,
) -> Result<String, ReadError> {
    check_type(&std::fs::metadata(path).map_err(ReadError::Io)?, limit)?;
    // O_NONBLOCK: should the path become a FIFO between the check and the open, opening it
    // must not wait for a writer. The type is checked again on the open file.
    let file: File = OpenOptions::new()
        .read(true)
        .custom_flags(0o4000)
        .open(path)
        .map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    check_type(&meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    if let Some(p) = progress {
        p.total.store(meta.len(), Relaxed);
    }
    // In blocks, so that progress shows and a cancel is heard while a large file is read.
    let mut file = file.take(limit.saturating_add(1));
    loop {
        let n = file
            .by_ref()
            .take(BLOCK)
            .read_to_end(&mut bytes)
            .map_err(ReadError::Io)?;
        if let Some(p) = progress {
            p.read.store(bytes.len() as u64, Relaxed);
            if p.is_cancelled() {
                return Err(ReadError::Cancelled);
            }
        }
        if n == 0 {
            break;
        }
    }
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    decode(bytes)
}

/// Turns bytes into text, naming UTF-16 and pinpointing the first invalid byte.
///
/// # Errors
///
/// [`ReadError::Utf16`] if `bytes` starts with a UTF-16 byte-order mark, [`ReadError::NotUtf8`]
/// if it is not valid UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16);
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = before.split(|&b| b == b'\n').count();
        let col = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        ReadError::NotUtf8 {
            line,
            col,
            byte: bytes[at],
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_utf16_and_the_first_bad_byte() {
        assert!(matches!(
            decode(vec![0xFF, 0xFE, b'T', 0]),
            Err(ReadError::Utf16)
        ));
        let err = decode(b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "is not UTF-8 text: byte 0xff at line 2, column 3"
        );
        assert_eq!(
            decode("\u{feff}Timeline".as_bytes().to_vec()).unwrap(),
            "\u{feff}Timeline"
        );
    }

    #[test]
    fn refuses_directories_and_devices_without_blocking() {
        assert!(matches!(
            read_file(Path::new("/"), DEFAULT_MAX_SIZE),
            Err(ReadError::Directory)
        ));
        assert!(matches!(
            read_file(Path::new("/dev/zero"), DEFAULT_MAX_SIZE),
            Err(ReadError::NotRegular(_))
        ));
        let missing = read_file(Path::new("/nonexistent/x.ron"), DEFAULT_MAX_SIZE).unwrap_err();
        assert_eq!(missing.to_string(), "cannot read: no such file");
    }
}
