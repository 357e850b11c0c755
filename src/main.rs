//! The `careers` binary: all of it is in the library ([`careers::run`]).
//!
//! On Unix the binary defines C's `main` itself (`no_main`) rather than
//! going through Rust's start-up, which reads `/proc/self/maps` to place
//! a stack guard and sets up an alternate signal stack for every run:
//! about 100,000 instructions and 20 system calls, a tenth of a bare
//! process's cost (BENCHMARKS.md). The one thing of that start-up the
//! program relies on, ignoring SIGPIPE so that a reader closing the pipe
//! is an error `run` handles (exit 0), is done here. A stack overflow
//! still stops the program, without Rust's message.
#![cfg_attr(unix, no_main)]

#[cfg(unix)]
#[no_mangle]
extern "C" fn main(argc: std::ffi::c_int, argv: *const *const std::ffi::c_char) -> std::ffi::c_int {
    use std::ffi::{CStr, OsString};
    use std::os::unix::ffi::OsStringExt;
    // SAFETY: setting a signal's disposition to "ignore" before any other
    // thread exists; `signal` has no other precondition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    let count = if argv.is_null() {
        0
    } else {
        usize::try_from(argc).unwrap_or(0)
    };
    let args = (0..count).map(|i| {
        // SAFETY: C guarantees `argc` valid, NUL-terminated strings in
        // `argv`, which live as long as the process.
        let arg = unsafe { CStr::from_ptr(*argv.add(i)) };
        OsString::from_vec(arg.to_bytes().to_vec())
    });
    std::ffi::c_int::from(careers::run(args))
}

#[cfg(not(unix))]
fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(careers::run(std::env::args_os()))
}
