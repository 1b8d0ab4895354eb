//! Florin's web application: pages, components and server functions. Server-only code
//! (database access, sessions) sits in `ssr` modules compiled only into the server.

// Deeply nested views have deeply nested types; the optimised wasm build needs the room.
#![recursion_limit = "256"]

pub mod accounts;
pub mod auth;
pub mod budgets;
pub mod categories;
pub mod components;
pub mod context;
pub mod cycles;
pub mod dashboard;
pub mod debts;
pub mod error;
pub mod form;
pub mod goals;
pub mod imports;
pub mod limits;
pub mod notifications;
pub mod orgs;
pub mod pages;
pub mod payment_methods;
pub mod profile;
pub mod rates;
pub mod reports;
pub mod shell;
pub mod templates;
pub mod transactions;
pub mod url;

#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod state;

pub use shell::{App, shell};

/// The browser entry point: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // After a successful form post the server function redirects; load that page afresh,
    // exactly as a browser without JavaScript does (post, redirect, get). Client-side
    // navigation would keep stale data and drop the flash message whenever the target is
    // the page the form is on. Set before the router, which then keeps this hook.
    let _ = server_fn::redirect::set_redirect_hook(|location: &str| {
        if let Err(error) = leptos::prelude::window().location().set_href(location) {
            leptos::logging::error!("could not follow the redirect: {error:?}");
        }
    });
    leptos::mount::hydrate_body(App);
    // Lets browser tests (and curious users) tell a hydrated page from a plain one.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
