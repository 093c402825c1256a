//! The command line: flags, the headless commands `check`, `list` and `export`, and the
//! checks that run before the browser opens.

pub mod json;
pub mod markdown;
pub mod mdtext;
pub mod ronfmt;
pub mod size;
pub mod view;
