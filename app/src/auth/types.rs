//! What the sign-up and sign-in forms post. Rule: pages and `ssr` both import from here,
//! never from each other; a password never appears in a `Debug` line.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The sign-up form as posted: every field as typed.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignUpInput {
    pub email: String,
    pub password: String,
    pub first_name: String,
}

impl fmt::Debug for SignUpInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignUpInput")
            .field("email", &self.email)
            .field("first_name", &self.first_name)
            .finish_non_exhaustive()
    }
}

/// The sign-in form as posted. `next` is the page to return to, from the address that
/// sent the visitor to sign in (empty: the home page).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignInInput {
    pub email: String,
    pub password: String,
    pub next: String,
}

impl fmt::Debug for SignInInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignInInput")
            .field("email", &self.email)
            .field("next", &self.next)
            .finish_non_exhaustive()
    }
}
