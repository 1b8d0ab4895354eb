//! Embeds the migrations: writes `$OUT_DIR/migrations.rs` with one constant per dialect,
//! listing each file's version, description and text (`include_str!`), in version order.
//! Names follow sqlx's convention, `<VERSION>_<DESCRIPTION>.sql`. This replaces
//! `sqlx::migrate!`, whose proc-macro crate would compile sqlx's drivers a second time
//! for the build host.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::new();
    for (constant, dialect) in [("SQLITE", "sqlite"), ("POSTGRES", "postgres")] {
        let dir = root.join(dialect);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<(i64, String, String)> = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("the migrations folder is readable") {
            let path = entry.expect("a readable folder entry").path();
            let name = path
                .file_name()
                .and_then(|name| name.to_str())
                .expect("migration file names are UTF-8");
            let Some((version, rest)) = name.split_once('_') else {
                continue;
            };
            let Some(description) = rest.strip_suffix(".sql") else {
                continue;
            };
            assert!(
                !description.ends_with(".up") && !description.ends_with(".down"),
                "{name}: reversible migrations are not used"
            );
            let version = version
                .parse()
                .unwrap_or_else(|_| panic!("{name}: the version prefix is an integer"));
            let path = path.canonicalize().expect("a migration file's path");
            files.push((
                version,
                description.replace('_', " "),
                path.display().to_string(),
            ));
        }
        files.sort();
        writeln!(out, "pub const {constant}: &[(i64, &str, &str)] = &[").expect("write");
        for (version, description, path) in files {
            writeln!(
                out,
                "    ({version}, {description:?}, include_str!({path:?})),"
            )
            .expect("write");
        }
        writeln!(out, "];").expect("write");
    }
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("migrations.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
