//! The signed-in user acting in an organisation: what every scoped server function starts
//! from. Rule: a `Member` is made only here, after [`super::repo::scope`] checked the
//! membership and the access asked for.

use super::repo::{self, Scope};
use crate::error::AppError;
use crate::session::CurrentUser;
use crate::state::AppState;
use florin::role::{Access, Area};

/// Everything a scoped server function needs: the state, the signed-in user, and proof
/// of membership in the organisation being worked on.
pub struct Member {
    pub app: AppState,
    pub user: CurrentUser,
    pub scope: Scope,
}

impl Member {
    pub fn org(&self) -> i64 {
        self.scope.org_id
    }

    pub fn db(&self) -> &crate::db::Db {
        &self.app.db
    }

    pub fn number_format(&self) -> florin::money::NumberFormat {
        florin::money::NumberFormat::for_locale(&self.user.locale)
    }
}

/// The signed-in user acting in their current organisation with `access`. Users with no
/// organisation (administrators) get `NotFound`: there are no books for them to see.
pub async fn require_member(access: Access) -> Result<Member, AppError> {
    let (app, _session, user) = crate::session::require_user().await?;
    member_in_default_org(app, user, access)
        .await
        .inspect_err(crate::session::set_status)
}

/// `user` acting in their default organisation with `access`; for plain axum handlers
/// (downloads, uploads) as much as for server functions.
pub async fn member_in_default_org(
    app: AppState,
    user: CurrentUser,
    access: Access,
) -> Result<Member, AppError> {
    let org = repo::default_org(&app.db, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = repo::scope(&app.db, user.id, org, access).await?;
    Ok(Member { app, user, scope })
}

/// A kind of record a confirmation page deletes: the member's right it needs, the form's
/// name, where its pages live (`/debts`) and what the flash says once it is gone.
pub struct Deletion {
    pub area: florin::role::Area,
    pub form: &'static str,
    pub base: &'static str,
    pub done: &'static str,
}

impl Deletion {
    pub const fn new(
        area: florin::role::Area,
        form: &'static str,
        base: &'static str,
        done: &'static str,
    ) -> Self {
        Self {
            area,
            form,
            base,
            done,
        }
    }
}

/// The whole of a delete server function: the member's right, the record's `id` read
/// from the form, `remove`, then the flash and the list, or the error on the
/// confirmation page (`{base}/{id}/delete`).
pub async fn delete_record(
    what: Deletion,
    id: &str,
    remove: impl AsyncFnOnce(&crate::db::Db, &Scope, i64) -> Result<(), AppError>,
) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    let result = async {
        let member = require_member(Access::Write(what.area)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        remove(member.db(), &member.scope, id).await
    }
    .await;
    let page = format!("{}/{}/delete", what.base, id.trim());
    finish(what.form, &page, &(), result, |()| {
        Done::new(what.done, what.base)
    })
    .await
}

/// A kind of record an add-or-edit form saves: the member's right it needs, the form's
/// name, the word for it in the flash ("Goal added.", "Goal saved.") and where the
/// browser goes next: the record's page under `base`, or `base` itself.
pub struct Saving {
    pub area: florin::role::Area,
    pub form: &'static str,
    pub noun: &'static str,
    pub base: &'static str,
    pub to_record: bool,
}

impl Saving {
    /// Saved, the browser goes to the record's own page (`{base}/{id}`).
    pub const fn to_record(
        area: Area,
        form: &'static str,
        noun: &'static str,
        base: &'static str,
    ) -> Self {
        let to_record = true;
        Self {
            area,
            form,
            noun,
            base,
            to_record,
        }
    }

    /// Saved, the browser goes back to the list (`base`).
    pub const fn to_list(
        area: Area,
        form: &'static str,
        noun: &'static str,
        base: &'static str,
    ) -> Self {
        Self {
            to_record: false,
            ..Self::to_record(area, form, noun, base)
        }
    }
}

/// The whole of an add-or-edit server function: the member's right, `save` (the new or
/// saved record's id, and whether it was created), then the flash and the next page, or
/// the errors and the input as typed on `page`.
pub async fn save_record<I: serde::Serialize>(
    what: Saving,
    input: &I,
    page: &str,
    save: impl AsyncFnOnce(&Member, &I) -> Result<(i64, bool), AppError>,
) -> Result<i64, AppError> {
    use crate::session::{Done, finish};
    let result = async {
        let member = require_member(Access::Write(what.area)).await?;
        save(&member, input).await
    }
    .await;
    let saved = finish(what.form, page, input, result, |&(id, created)| {
        let to = if what.to_record {
            format!("{}/{id}", what.base)
        } else {
            what.base.to_owned()
        };
        Done::saved(what.noun, created, to)
    });
    saved.await.map(|(id, _)| id)
}

/// Runs `read` as the signed-in member, with the right to read; an error also sets the
/// response's status (404 for a record that is not theirs), for pages rendered on the
/// server and for plain clients alike.
pub async fn reading<T>(
    read: impl AsyncFnOnce(&Member) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let member = require_member(Access::Read).await?;
    read(&member).await.inspect_err(crate::session::set_status)
}
