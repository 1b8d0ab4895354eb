//! Sign-up, sign-in and sign-out: the pages and the server functions behind them.
//!
//! Rule: passwords are hashed and verified only in `hashing` (argon2id, off the async
//! runtime); a signed-in session always starts under a fresh id (`session::start`).

mod sign_in;
mod sign_out;
mod sign_up;
pub mod types;

#[cfg(feature = "ssr")]
pub mod hashing;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub mod throttle;

pub use sign_in::{SignIn, SignInPage, sign_in};
pub use sign_out::{SignOut, SignOutButton, sign_out};
pub use sign_up::{SignUp, SignUpPage, sign_up};
pub use types::{SignInInput, SignUpInput};

crate::routes!(AuthRoutes {
    "/sign-in" => SignInPage,
    "/sign-up" => SignUpPage,
});
