//! A pseudo-terminal for driving the real binary as a user runs it, shared by
//! `tests/faults.rs` and `tests/marks.rs` (`#[path]`-included): opened at 80×24, its slave end
//! handed to the program, and everything the program writes collected.

// Each test file uses only some of these.
#![allow(dead_code)]

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::fs::OpenOptionsExt;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Termios, Winsize, tcgetattr, tcsetwinsize};

/// A pseudo-terminal pair: the master stays with the test, the slave goes to the program.
pub struct Pty {
    pub master: OwnedFd,
    slave: std::path::PathBuf,
}

impl Pty {
    pub fn open() -> Pty {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
            .expect("a pseudo-terminal");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let name = ptsname(&master, Vec::new()).expect("ptsname");
        let slave = std::path::PathBuf::from(name.to_str().expect("a UTF-8 pty name"));
        tcsetwinsize(
            &master,
            Winsize {
                ws_row: 24,
                ws_col: 80,
                ws_xpixel: 0,
                ws_ypixel: 0,
            },
        )
        .expect("window size");
        Pty { master, slave }
    }

    /// The slave end, opened without making it anyone's controlling terminal.
    pub fn slave(&self) -> File {
        const O_NOCTTY: i32 = 0o400;
        OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(O_NOCTTY)
            .open(&self.slave)
            .expect("the pty's slave end")
    }

    pub fn modes(&self) -> Termios {
        tcgetattr(&self.master).expect("the pty's modes")
    }

    /// Everything the program writes to the terminal, collected by a thread until no process
    /// holds the slave end open. Open one (a keeper) before, so that the reader does not stop
    /// before the program starts, and close it only once the output has settled, so that no
    /// byte still on its way through the terminal is lost.
    pub fn record(&self) -> (Arc<Mutex<Vec<u8>>>, JoinHandle<()>) {
        let mut reader = File::from(self.master.try_clone().expect("a second master fd"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let thread = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Reading ends with EIO once no process holds the slave end open.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("the output")
                    .extend_from_slice(&buf[..n]);
            }
        });
        (seen, thread)
    }
}
