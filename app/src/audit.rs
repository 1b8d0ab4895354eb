//! The audit log: who did what to an account, kept for the owner and the operator.
//! Never holds secrets; `detail` is a short human sentence.

use crate::db::Tx;
use crate::sql_tx;
use time::OffsetDateTime;

#[derive(Clone, Copy, Debug)]
pub enum Event {
    SignUp,
    SignIn,
    SignInFailed,
    Lockout,
    SignOut,
    PasswordChanged,
    ProfileUpdated,
    AdminCreated,
}

impl Event {
    fn as_str(self) -> &'static str {
        match self {
            Self::SignUp => "sign_up",
            Self::SignIn => "sign_in",
            Self::SignInFailed => "sign_in_failed",
            Self::Lockout => "lockout",
            Self::SignOut => "sign_out",
            Self::PasswordChanged => "password_changed",
            Self::ProfileUpdated => "profile_updated",
            Self::AdminCreated => "admin_created",
        }
    }
}

/// Records an event inside the caller's transaction, so it lands with the change it
/// describes or not at all.
pub async fn record(
    tx: &mut Tx,
    user_id: Option<i64>,
    event: Event,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sql_tx!(
        tx,
        execute,
        "INSERT INTO audit_log (user_id, event, detail, created_at) VALUES ($1, $2, $3, $4)",
        user_id,
        event.as_str(),
        detail,
        OffsetDateTime::now_utc()
    )?;
    Ok(())
}
