//! Where plenary keeps its per-user files: the config folder (settings, bookmarks) and the cache
//! folder, and how each is found.

use std::path::PathBuf;

/// Environment variable that overrides the config folder (used by tests and portable setups).
pub const CONFIG_DIR_VAR: &str = "PLENARY_CONFIG_DIR";

/// Name of the folder plenary uses under the platform's config home.
const APP_DIR: &str = "plenary";

/// The config folder: `$PLENARY_CONFIG_DIR` if set and non-empty, otherwise the platform's
/// folder from `directories` (on Linux `$XDG_CONFIG_HOME/plenary`, default `~/.config/plenary`).
/// `None` when no home folder can be found at all.
pub fn config_dir() -> Option<PathBuf> {
    config_dir_from(|name| std::env::var(name).ok()).or_else(|| {
        directories::ProjectDirs::from("", "", APP_DIR).map(|dirs| dirs.config_dir().to_path_buf())
    })
}

/// The config folder as the environment alone decides it, with `env` standing in for
/// `std::env::var` so that the rules can be tested without touching process-global state.
///
/// `None` means "ask the platform": `config_dir` then falls back to `directories`, which on
/// Linux also looks up the home folder in the password database when `HOME` is unset.
/// On Linux and other XDG platforms this follows the same rules as `directories`
/// (an `XDG_CONFIG_HOME` that is not absolute is ignored, as the XDG spec says); elsewhere
/// only the `PLENARY_CONFIG_DIR` override is read here.
pub fn config_dir_from(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let non_empty = |name: &str| env(name).filter(|value| !value.is_empty());
    if let Some(dir) = non_empty(CONFIG_DIR_VAR) {
        return Some(PathBuf::from(dir));
    }
    if cfg!(all(unix, not(target_os = "macos"), not(target_os = "ios"))) {
        let absolute = |name: &str| {
            non_empty(name)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
        };
        if let Some(config_home) = absolute("XDG_CONFIG_HOME") {
            return Some(config_home.join(APP_DIR));
        }
        if let Some(home) = non_empty("HOME") {
            return Some(PathBuf::from(home).join(".config").join(APP_DIR));
        }
    }
    None
}

/// Where the caches live: `PLENARY_CACHE_DIR`, else the platform's cache folder
/// (`$XDG_CACHE_HOME/plenary` on Linux). None when there is neither: every start parses.
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os("PLENARY_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "plenary").map(|d| d.cache_dir().to_path_buf()),
    }
}
