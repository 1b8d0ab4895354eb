//! Password hashing with argon2id (PHC strings), off the async runtime.

use crate::error::AppError;
use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use std::fmt;

/// A PHC-format argon2id hash. Not `Serialize`, and its `Debug` hides the value.
#[derive(Clone)]
pub struct PasswordHashString(pub String);

impl fmt::Debug for PasswordHashString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHashString(..)")
    }
}

/// Hashes with argon2id and the crate's defaults (m = 19 MiB, t = 2, p = 1, the OWASP
/// recommendation), with a fresh random salt.
#[tracing::instrument(skip_all)]
pub async fn hash(password: String) -> Result<PasswordHashString, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| PasswordHashString(h.to_string()))
            .map_err(AppError::internal)
    })
    .await
    .map_err(AppError::internal)?
}

/// Verifies a password against a stored PHC string; a malformed hash is a mismatch.
#[tracing::instrument(skip_all)]
pub async fn verify(password: String, phc: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&phc).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .map_err(AppError::internal)
}

/// A hash of a random string, made once at start-up; unknown e-mails are verified against
/// it so their failures cost the same time as real ones.
pub fn dummy_hash() -> String {
    let salt = SaltString::generate(&mut OsRng);
    let secret = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_str().as_bytes(), &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
}
