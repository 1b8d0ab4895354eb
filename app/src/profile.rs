//! Profile and settings: names, phone, base currency, time zone; password change.
//!
//! Rule: a user reads and changes only their own profile (the signed-in user's id, never
//! one from the form); the detail rules live in `florin::profile`.

mod details;
mod page;
mod password;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use details::{GetProfile, UpdateProfile, get_profile, update_profile};
pub use page::ProfilePage;
pub use password::{ChangePassword, change_password};
#[cfg(feature = "ssr")]
pub use ssr::validate_profile;
pub use types::{PasswordInput, Profile, ProfileInput, ProfilePageData};

crate::routes!(ProfileRoutes {
    "/profile" => ProfilePage,
});
