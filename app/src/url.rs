//! Addresses: the query values and path parameters pages read and write.

/// Percent-encodes a string for use as one query value.
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char);
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The `:id` parameter of the current route, or -1 (which matches nothing) when it is
/// not a number.
pub fn id_param() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        use leptos::prelude::Read;
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .unwrap_or(-1)
    }
}

/// The page of an add-or-edit form, where a plain post that fails returns:
/// `{base}/new` for a new record (an empty `id`), else `{base}/{id}/edit`.
pub fn editor_address(base: &str, id: &str) -> String {
    match id.trim() {
        "" => format!("{base}/new"),
        raw => format!("{base}/{raw}/edit"),
    }
}

/// Declares a feature's route group for the shell's router, a transparent component as
/// Leptos' router examples write it: `routes!(LimitRoutes { "/limits" => LimitsPage })`.
/// Every page renders on the server with its data (`SsrMode::Async`), so it works the
/// same with JavaScript off.
#[macro_export]
macro_rules! routes {
    ($name:ident { $($path:tt => $view:ident),* $(,)? }) => {
        /// This feature's pages, for the shell's router.
        #[leptos::component(transparent)]
        pub fn $name() -> impl leptos_router::MatchNestedRoutes + Clone {
            use leptos::prelude::*;
            use leptos_router::components::Route;
            use leptos_router::{SsrMode, path};
            view! {
                $(<Route path=path!($path) view=$view ssr=SsrMode::Async/>)*
            }
            .into_inner()
        }
    };
}
