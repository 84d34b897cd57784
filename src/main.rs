use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = plenary::cli::Cli::parse();
    match plenary::cli::main_with(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("plenary: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
