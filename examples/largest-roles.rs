//! Writes the largest roles the size budget accepts (docs/data-format.md,
//! "Size budget"), one data directory per shape, for timing the commands
//! on them (`scripts/budget.sh` does):
//!
//!     cargo run --release --example largest-roles -- DIR
//!
//! DIR/<shape>/roles/ gets two roles of that shape, which link each other,
//! and DIR/<shape>/sources.toml the source they cite.

use careers::validate::budget::largest_roles;
use std::path::PathBuf;
use std::process::ExitCode;

const SOURCE: &str = "largest-roles";

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: largest-roles DIR");
        return ExitCode::from(2);
    };
    let sources = format!(
        "[[source]]\nid = \"{SOURCE}\"\ntitle = \"The largest roles the size budget accepts\"\nkind = \"test-data\"\n"
    );
    for shape in largest_roles(SOURCE) {
        let dir = out.join(shape.shape);
        let written = std::fs::create_dir_all(dir.join("roles"))
            .and_then(|()| std::fs::write(dir.join("sources.toml"), &sources))
            .and_then(|()| {
                shape.roles.iter().try_for_each(|(id, text)| {
                    std::fs::write(dir.join("roles").join(format!("{id}.toml")), text)
                })
            });
        if let Err(e) = written {
            eprintln!("largest-roles: {}: {e}", dir.display());
            return ExitCode::from(1);
        }
        println!("{}", dir.display());
    }
    ExitCode::SUCCESS
}
