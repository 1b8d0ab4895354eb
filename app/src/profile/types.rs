//! Types shared by the profile page and its server code: what the page shows and what
//! its two forms post. Rule: pages and `ssr`/`repo` import from here, never from each
//! other; a password never appears in a `Debug` line.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub base_currency: String,
    pub time_zone: String,
}

/// The profile with the choices its pickers offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePageData {
    pub profile: Profile,
    pub time_zones: Vec<String>,
}

/// The profile form as posted: every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileInput {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub base_currency: String,
    pub time_zone: String,
}

/// The password form as posted.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordInput {
    pub current_password: String,
    pub new_password: String,
}

impl fmt::Debug for PasswordInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordInput(..)")
    }
}
