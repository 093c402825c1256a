//! The `roundtable` binary.

fn main() {}
