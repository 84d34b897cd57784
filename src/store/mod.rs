//! Everything plenary keeps on disk, for the reader and the commands alike: where it lives, the
//! one way files are replaced, the library caches, loading through them, bookmarks and settings.

pub mod bookmarks;
pub mod bundled;
pub mod config;
pub mod library;
pub mod loader;
pub mod paths;

use std::fs::{self, File};
use std::io;
use std::path::Path;

pub use loader::{LoadEvent, LoadRequest, spawn_loader};

/// How a replacement is made to last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Flushed to disk before the rename, and the rename too where the platform allows: for
    /// what the user made (bookmarks, positions).
    Synced,
    /// Renamed without flushing: for caches, which a checksum rejects after a crash and the
    /// next start rebuilds, cheaper than syncing at every rebuild.
    Unsynced,
}

/// Replaces `path` with what `fill` writes, through a temporary file in the same folder (named
/// `{prefix}XXXXXX{suffix}`, so that one a killed process left is recognised) renamed over it:
/// a reader sees the old file or the new one, never half of one. The folder is created if
/// missing. On failure, the step that failed ("creating the folder", "writing", …) and why.
pub fn write_atomically(
    path: &Path,
    (prefix, suffix): (&str, &str),
    durability: Durability,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), (&'static str, io::Error)> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| ("creating the folder", e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(suffix)
        .tempfile_in(dir)
        .map_err(|e| ("creating a temporary file", e))?;
    fill(tmp.as_file_mut()).map_err(|e| ("writing", e))?;
    if durability == Durability::Synced {
        tmp.as_file()
            .sync_all()
            .map_err(|e| ("flushing to disk", e))?;
    }
    tmp.persist(path)
        .map_err(|e| ("replacing the file", e.error))?;
    // Make the rename itself durable; not every platform can open a folder, so best effort.
    if durability == Durability::Synced
        && let Ok(folder) = File::open(dir)
    {
        let _ = folder.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("f.json");
        for (content, durability) in [("one", Durability::Synced), ("two", Durability::Unsynced)] {
            write_atomically(&path, (".f.", ".tmp"), durability, |f| {
                io::Write::write_all(f, content.as_bytes())
            })
            .unwrap();
            assert_eq!(fs::read_to_string(&path).unwrap(), content);
        }
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the file itself is left");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, "old").unwrap();
        let failed = write_atomically(&path, (".f.", ".tmp"), Durability::Synced, |_| {
            Err(io::Error::other("disk full"))
        });
        assert_eq!(failed.unwrap_err().0, "writing");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
