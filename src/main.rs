use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = plenary::cli::Cli::parse();
    match plenary::cli::main_with(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // A closed pipe (`plenary list | head`) is the reader's choice, not an error.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("plenary: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
