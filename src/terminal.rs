//! The terminal's lifecycle: raw mode, alternate screen and mouse capture on entry, and always
//! restored afterwards: on quit, on error (Drop), on panic in any thread (a hook that runs before
//! the message; a panic outside the input thread then ends the reader, which would otherwise go
//! on without it on a cooked terminal), and on SIGTERM, SIGHUP and SIGQUIT.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, OnceLock};
use std::thread::ThreadId;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Size;

use crate::app::App;

/// The terminal while the reader owns it; dropping it gives the terminal back.
pub struct Tui {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Tui {
    pub fn enter() -> io::Result<Tui> {
        let _ = INPUT_THREAD.set(std::thread::current().id());
        install_panic_hook();
        install_signal_thread();
        #[cfg(unix)]
        fault::prepare();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
            let _ = restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(Tui { terminal }),
            Err(e) => {
                let _ = restore();
                Err(e)
            }
        }
    }

    pub fn size(&self) -> io::Result<Size> {
        self.terminal.size()
    }

    /// One frame, inside a synchronized update so the terminal never shows half of it.
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let drawn = self
            .terminal
            .draw(|frame| crate::ui::draw(app, frame))
            .map(|_| ());
        // End the update even if drawing failed, or the terminal stays frozen.
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        drawn
    }

    /// Raw bytes for the terminal itself, such as an OSC 52 clipboard request.
    pub fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        let out = self.terminal.backend_mut();
        out.write_all(bytes)?;
        out.flush()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        ACTIVE.store(false, Ordering::SeqCst);
        let _ = restore();
    }
}

/// Whether the reader holds the terminal (raw mode, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The thread that reads input and draws: a panic there unwinds through `Tui`'s drop.
static INPUT_THREAD: OnceLock<ThreadId> = OnceLock::new();

/// Puts the terminal back as the shell expects it. Safe to call more than once.
pub fn restore() -> io::Result<()> {
    let raw = disable_raw_mode();
    let screen = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    raw.and(screen)
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A search on a damaged cache: caught, and the index rebuilt (`search::contained`).
            if crate::search::panic_is_contained() {
                return;
            }
            // Restore first, or the message is lost on the alternate screen in raw mode.
            let active = ACTIVE.swap(false, Ordering::SeqCst);
            if active {
                let _ = restore();
            }
            previous(info);
            // A worker or loader thread died: the reader cannot go on without it, and the
            // terminal is no longer set up for it. End here, the message printed once.
            let on_input_thread = INPUT_THREAD.get() == Some(&std::thread::current().id());
            if active && !on_input_thread {
                std::process::exit(101);
            }
        }));
    });
}

/// A thread that waits for SIGTERM, SIGHUP and SIGQUIT and, when the reader holds the terminal,
/// gives it back before the process ends with the signal's usual status (128 + its number).
fn install_signal_thread() {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT])
        else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    if ACTIVE.swap(false, Ordering::SeqCst) {
                        let _ = restore();
                    }
                    std::process::exit(128 + signal);
                }
            });
    });
}

/// A thread that reads terminal events and hands each to `send`, blocking between them, until
/// `send` returns false or reading fails (that error is handed on too). It stays blocked in its
/// read when the reader ends; the process ending stops it.
pub fn spawn_input(send: impl Fn(io::Result<Event>) -> bool + Send + 'static) {
    let _ = std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let event = event::read();
                let failed = event.is_err();
                if !send(event) || failed {
                    break;
                }
            }
        });
}

/// SIGBUS and SIGSEGV while the reader holds the terminal: a mapped library cache truncated by
/// another program (plenary never changes one in place) faults on the next read of it. The
/// handler gives the terminal back with async-signal-safe calls only (write, tcsetattr), says
/// what happened, and ends the process with the signal's status.
#[cfg(unix)]
mod fault {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// The terminal's settings before raw mode, and the descriptor they belong to.
    struct Saved {
        fd: libc::c_int,
        termios: libc::termios,
    }

    static SAVED: OnceLock<Saved> = OnceLock::new();

    /// What `restore` writes, as bytes: mouse capture off (crossterm's order), main screen,
    /// cursor shown.
    const RESTORE: &[u8] =
        b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";
    const MESSAGE: &[u8] = b"plenary: a file it had mapped changed under it (the library cache, truncated or rewritten by another program?); the terminal is restored. Run plenary again: a damaged cache is rebuilt.\n";

    /// Keeps the terminal's settings (before raw mode) and installs the handlers, once.
    pub(super) fn prepare() {
        if SAVED.get().is_some() {
            return;
        }
        #[allow(unsafe_code)]
        // SAFETY: isatty, open, tcgetattr and sigaction are given valid pointers to locals and
        // a static C string; `termios` is plain data that tcgetattr fills before it is read.
        unsafe {
            let fd = if libc::isatty(libc::STDIN_FILENO) == 1 {
                libc::STDIN_FILENO
            } else {
                libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC)
            };
            if fd < 0 {
                return;
            }
            let mut termios: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut termios) != 0 {
                return;
            }
            if SAVED.set(Saved { fd, termios }).is_err() {
                return;
            }
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction =
                on_fault as extern "C" fn(libc::c_int) as *const () as libc::sighandler_t;
            // On the alternate stack Rust sets up: a stack overflow faults too.
            action.sa_flags = libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            for signal in [libc::SIGBUS, libc::SIGSEGV] {
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    }

    /// Set by the first fault's handler: several threads may fault on the same mapping at once.
    static HANDLING: AtomicBool = AtomicBool::new(false);

    extern "C" fn on_fault(signal: libc::c_int) {
        #[allow(unsafe_code)]
        // SAFETY: only async-signal-safe functions (write, tcsetattr, pause, _exit) on data
        // that is never written after `prepare`; the atomic swaps are lock-free.
        unsafe {
            if HANDLING.swap(true, Ordering::SeqCst) {
                // Another thread is ending the process; returning would fault again.
                loop {
                    libc::pause();
                }
            }
            if super::ACTIVE.swap(false, Ordering::SeqCst)
                && let Some(saved) = SAVED.get()
            {
                libc::write(libc::STDOUT_FILENO, RESTORE.as_ptr().cast(), RESTORE.len());
                libc::tcsetattr(saved.fd, libc::TCSANOW, &saved.termios);
            }
            libc::write(libc::STDERR_FILENO, MESSAGE.as_ptr().cast(), MESSAGE.len());
            libc::_exit(128 + signal);
        }
    }
}
