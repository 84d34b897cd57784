//! The terminal's lifecycle: raw mode, alternate screen and mouse capture on entry, and always
//! restored afterwards: on quit, on error (Drop), on panic in any thread (a hook that runs before
//! the message; a panic outside the input thread then ends the reader, which would otherwise go
//! on without it on a cooked terminal), and on SIGTERM, SIGHUP and SIGQUIT.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, OnceLock};
use std::thread::ThreadId;
use std::time::Duration;

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

/// The next terminal event: blocks when `timeout` is None, else waits at most that long.
pub fn next_event(timeout: Option<Duration>) -> io::Result<Option<Event>> {
    match timeout {
        None => event::read().map(Some),
        Some(t) => {
            if event::poll(t)? {
                event::read().map(Some)
            } else {
                Ok(None)
            }
        }
    }
}
