//! The Content-Security-Policy and its per-request nonce. The server's middleware makes
//! the nonce, sends the header, and hands the nonce to the renderer, so the header and the
//! inline hydration scripts always agree.

/// The nonce of the current request, kept in the request's extensions.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

impl CspNonce {
    /// 128 random bits, hex-encoded (valid in a CSP `nonce-` source as is).
    pub fn generate() -> Self {
        use rand::RngCore;
        let mut bytes = [0_u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// Provides the request's nonce to the Leptos renderer (call from the render context).
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    if let Some(nonce) = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

/// Scripts only from this origin or with this response's nonce; wasm may compile
/// (`wasm-unsafe-eval` is needed for hydration, and allows nothing else); no framing.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let script = match nonce {
        Some(nonce) => format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "script-src 'self' 'wasm-unsafe-eval'".to_owned(),
    };
    format!(
        "default-src 'self'; {script}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}
