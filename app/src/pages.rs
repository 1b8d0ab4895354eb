//! Page shapes every feature shares: a signed-in page with its title, the add and edit
//! pages, data shown once loaded (or its error with a way back), a card, a table with its
//! column heads, the card that asks before deleting.
//!
//! Rule: this module knows no feature's data; each page passes its words and draws its
//! own view, so a change here changes every page the same way.

use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
use crate::form::FormStash;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::Serialize;
use serde::de::DeserializeOwned;
use server_fn::client::Client;
use server_fn::codec::PostUrl;
use server_fn::request::ClientReq;
use server_fn::{Http, ServerFn};

/// What a page shows besides the error when its data cannot be loaded.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fallback {
    /// The page's heading, for pages whose heading comes with their data.
    pub heading: Option<&'static str>,
    /// (address, words) of the way back.
    pub back: Option<(&'static str, &'static str)>,
}

impl Fallback {
    /// Only the error.
    pub const NONE: Self = Self {
        heading: None,
        back: None,
    };

    /// The error and a way back.
    pub const fn back(href: &'static str, words: &'static str) -> Self {
        Self {
            heading: None,
            back: Some((href, words)),
        }
    }

    /// The page's heading, the error and a way back.
    pub const fn page(heading: &'static str, href: &'static str, words: &'static str) -> Self {
        Self {
            heading: Some(heading),
            back: Some((href, words)),
        }
    }

    fn view(self, error: &AppError) -> AnyView {
        view! {
            {self.heading.map(|heading| view! { <h1>{heading}</h1> })}
            <p class="error">{error.to_string()}</p>
            {self.back.map(|(href, words)| view! { <p><a href=href>{words}</a></p> })}
        }
        .into_any()
    }
}

/// A page for signed-in users: its title in the tab and as the heading, then `children`
/// once a user is signed in (others are sent to sign in).
#[component]
pub fn Page(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <Title text=title/>
        <h1>{title}</h1>
        <RequireUser>{children()}</RequireUser>
    }
}

/// A card with a heading that names it for screen readers (`aria-labelledby` on `id`).
#[component]
pub fn Card(
    /// The heading.
    #[prop(into)]
    title: String,
    /// The heading's element id, unique on the page.
    id: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {children()}
        </section>
    }
}

/// A column head: its words, and whether the column holds numbers (right-aligned).
#[derive(Clone, Copy, Debug)]
pub struct Head {
    words: &'static str,
    num: bool,
}

impl Head {
    /// The head of a column of words.
    pub const fn text(words: &'static str) -> Self {
        Self { words, num: false }
    }

    /// The head of a column of numbers.
    pub const fn num(words: &'static str) -> Self {
        Self { words, num: true }
    }
}

/// A table with one row of column heads and `children` as its body rows.
#[component]
pub fn Table(
    /// The heads, left to right.
    heads: Vec<Head>,
    /// The table's class, for the columns' widths.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <table class=(!class.is_empty()).then_some(class)>
            <thead>
                <tr>
                    {heads.into_iter().map(|head| view! {
                        <th scope="col" class=head.num.then_some("num")>{head.words}</th>
                    }).collect_view()}
                </tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}

/// The add page (`/…/new`) or the edit page (`/…/:id/edit`) of a record, titled
/// `titles[0]` or `titles[1]`: `load` reads the form's data for the route's id (None to
/// add one), and `render` draws it once loaded, with the form stash of a plain post that
/// failed; or the error and `back`.
pub fn record_editor<T, L, Fut, F>(
    titles: [&'static str; 2],
    load: L,
    back: Fallback,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    L: Fn(Option<i64>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    F: Fn(T, Option<FormStash>) -> AnyView + Clone + Send + Sync + 'static,
{
    let params = leptos_router::hooks::use_params_map();
    let editing = params.with_untracked(|p| p.get("id").is_some());
    let id = crate::url::id_param();
    let title = titles[usize::from(editing)];
    // The data is asked for inside the page, once a user is known to be signed in.
    let body = move || loaded(Resource::new(move || editing.then(id), load), back, render);
    view! { <Page title>{body()}</Page> }
}

/// Shows `render(data, stash)` once `data` has loaded, with the form stash of a plain
/// post that failed; or the error as `fallback` says.
pub fn loaded<T, F>(
    data: Resource<Result<T, AppError>>,
    fallback: Fallback,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T, Option<FormStash>) -> AnyView + Clone + Send + Sync + 'static,
{
    let shell = use_shell();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    match data.await {
                        Ok(value) => render(value, stash),
                        Err(error) => fallback.view(&error),
                    }
                })
            }}
        </Suspense>
    }
}

/// Like [`loaded`], for a list: `none` in a card while `is_none(&data)` (nothing to list
/// yet, and what to do about it), else `render(data)`.
pub fn listed<T, F>(
    data: Resource<Result<T, AppError>>,
    none: &'static str,
    is_none: fn(&T) -> bool,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    loaded(data, Fallback::NONE, move |value, _| {
        if is_none(&value) {
            view! { <p class="card">{none}</p> }.into_any()
        } else {
            render(value)
        }
    })
}

/// The page that asks before deleting the route's record: `load` reads it by id, `ask`
/// says what goes (the question) and where "Keep it" leads, and the button, worded as
/// the page's `title`, posts the id to `action`.
pub fn delete_page<T, L, Fut, A, P, Q>(
    title: &'static str,
    load: L,
    action: ServerAction<A>,
    ask: impl Fn(T) -> (Q, String) + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    L: Fn(i64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    Q: IntoView + 'static,
    A: DeserializeOwned + ServerFn<Protocol = Http<PostUrl, P>> + Clone + Send + Sync + 'static,
    <<A::Client as Client<A::Error>>::Request as ClientReq<A::Error>>::FormData:
        From<leptos::web_sys::FormData>,
    A::Output: Send + Sync + 'static,
    A::Error: Send + Sync + 'static,
    A::Client: Client<A::Error>,
{
    let id = crate::url::id_param();
    let data = Resource::new(id, load);
    view! {
        <Page title>
            {loaded(data, Fallback::NONE, move |record, _| {
                let (question, keep) = ask(record);
                confirm_delete(action, id().to_string(), title, keep, question).into_any()
            })}
        </Page>
    }
}

/// The card that asks before deleting: `question` says what goes, the button posts `id`
/// to `action`, and "Keep it" leads to `keep`.
pub fn confirm_delete<A, P>(
    action: ServerAction<A>,
    id: String,
    button: &'static str,
    keep: String,
    question: impl IntoView + 'static,
) -> impl IntoView
where
    A: DeserializeOwned + ServerFn<Protocol = Http<PostUrl, P>> + Clone + Send + Sync + 'static,
    <<A::Client as Client<A::Error>>::Request as ClientReq<A::Error>>::FormData:
        From<leptos::web_sys::FormData>,
    A::Output: Send + Sync + 'static,
    A::Error: Send + Sync + 'static,
    A::Client: Client<A::Error>,
{
    view! {
        <section class="card">
            <p>{question}</p>
            <ActionForm action=action>
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="danger">{button}</button>
                " "
                <a href=keep>"Keep it"</a>
            </ActionForm>
        </section>
    }
}
