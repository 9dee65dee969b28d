//! Links the server binary with packed relative relocations (DT_RELR) where the
//! C library it is built against can load them.
//!
//! Why: the timezone database (chrono-tz) holds tens of thousands of pointers,
//! each of which a position-independent executable must relocate at start-up.
//! Classic RELA entries take 24 bytes each (0.9 MB here), all read by the loader
//! and kept resident; RELR packs them into a few kilobytes. That is most of the
//! distance between a 12.2 MiB and an 11.2 MiB server, without giving up ASLR.
//!
//! glibc loads DT_RELR since 2.36, and the linker marks such a binary as
//! needing it. So the flag is passed only for a native glibc build whose own
//! glibc is that recent: the binary then runs where it was built, as before.
//! Cross builds and older systems link as they always did.

use std::process::Command;

/// The first glibc that loads DT_RELR.
const RELR_SINCE: (u32, u32) = (2, 36);

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    let native_glibc = target == host && target.ends_with("-linux-gnu");
    if native_glibc && host_glibc().is_some_and(|version| version >= RELR_SINCE) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// The host's glibc version, from `getconf GNU_LIBC_VERSION` ("glibc 2.36").
fn host_glibc() -> Option<(u32, u32)> {
    let output = Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text.trim().strip_prefix("glibc ")?;
    let mut parts = version.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}
