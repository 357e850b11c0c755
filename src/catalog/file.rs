//! Reading files that someone else may have put in place: only regular
//! files, never blocking, never more than a cap.
//!
//! A role file may be a symbolic link to anything: a FIFO or a terminal
//! (whose `open` or `read` waits for a writer or a keystroke), `/dev/zero`
//! (endless), or a kernel file such as `/proc/kmsg`, which `stat` calls a
//! regular file of 0 bytes and whose `read` blocks until the kernel logs
//! something (and consumes what it reads). The same goes for the cache
//! file. So: `stat` first and refuse anything but a regular file without
//! opening it; take a regular file that says it is empty at its word,
//! without reading it; open the rest non-blocking and check the type of
//! what was opened (the path may have been swapped meanwhile); and read at
//! most one byte past the cap.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused or failed (missing, permission
    /// denied, I/O error).
    Io(io::Error),
    /// A directory, device, FIFO or socket: not read.
    NotRegular,
    /// Larger than the cap, by its size: not read.
    TooBig(u64),
    /// Grew past the cap while it was being read.
    Grew,
}

/// Opens `path` (following symbolic links) if it is a regular file,
/// without blocking on a FIFO or device swapped in after the check.
/// Returns the file and its length.
pub fn open_regular(path: &Path) -> Result<(File, u64), ReadError> {
    let meta = fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = open_nonblocking(path).map_err(ReadError::Io)?;
    // What was opened, not what the path named a moment ago.
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok((file, meta.len()))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO or a device does not wait; reading a
    // regular file ignores it. O_NOCTTY: a terminal never becomes ours.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// The bytes of the regular file `path`, at most `cap` of them. A file
/// whose size is 0 is not read at all (see the module comment).
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > cap {
        return Err(ReadError::TooBig(meta.len()));
    }
    if meta.len() == 0 {
        return Ok(Vec::new());
    }
    let (file, len) = open_regular(path)?;
    if len > cap {
        return Err(ReadError::TooBig(len));
    }
    // Sized to fit: no probing reads, no growing (the size is capped).
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::Grew);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_up_to_the_cap() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.toml");
        fs::write(&path, "12345").unwrap();
        assert_eq!(read_capped(&path, 5).unwrap(), b"12345");
        assert!(matches!(read_capped(&path, 4), Err(ReadError::TooBig(5))));
        fs::write(&path, "").unwrap();
        assert_eq!(read_capped(&path, 5).unwrap(), b"");
        assert!(matches!(
            read_capped(&tmp.path().join("absent"), 5),
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_what_is_not_a_regular_file_without_blocking() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("dir");
        fs::create_dir(&dir).unwrap();
        assert!(matches!(read_capped(&dir, 5), Err(ReadError::NotRegular)));
        assert!(matches!(open_regular(&dir), Err(ReadError::NotRegular)));
        let zero = tmp.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(read_capped(&zero, 5), Err(ReadError::NotRegular)));
        let fifo = tmp.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            // No writer: a blocking open would wait for ever.
            assert!(matches!(open_regular(&fifo), Err(ReadError::NotRegular)));
            assert!(matches!(read_capped(&fifo, 5), Err(ReadError::NotRegular)));
        }
    }

    /// `/proc/kmsg` says it is a regular file of 0 bytes; reading it would
    /// block until the kernel logs something. It is never opened.
    #[cfg(target_os = "linux")]
    #[test]
    fn an_empty_kernel_file_is_not_read() {
        let kmsg = Path::new("/proc/kmsg");
        if fs::metadata(kmsg).is_ok_and(|m| m.is_file() && m.len() == 0) {
            assert_eq!(read_capped(kmsg, 5).unwrap(), b"");
        }
    }
}
