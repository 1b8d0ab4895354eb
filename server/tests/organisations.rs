//! The one scoping helper every financial query goes through: members get in with their
//! role's rights, everyone else gets "not found".

mod common;

use common::builders::organisation::add_to_household;
use common::query::user_id;
use common::{Backend, PASSWORD, TestApp};
use florin::role::{Access, Area, MemberRole, Rights};
use florin_app::error::AppError;
use florin_app::on_db;
use florin_app::orgs::repo::{add_member, default_org, list_for_user, scope};

on_both!(
    members_reach_their_organisation_and_strangers_get_not_found,
    rights_decide_what_members_and_viewers_may_write,
    administrators_keep_no_books,
);

async fn members_reach_their_organisation_and_strangers_get_not_found(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    app.signed_up("bob@example.org", PASSWORD).await;
    let ada = user_id(&app, "ada@example.org").await;
    let bob = user_id(&app, "bob@example.org").await;
    let ada_org = default_org(&app.db, ada)
        .await
        .expect("query")
        .expect("an organisation");
    let bob_org = default_org(&app.db, bob)
        .await
        .expect("query")
        .expect("an organisation");
    assert_ne!(ada_org, bob_org);

    let own = scope(&app.db, ada, ada_org, Access::Write(Area::Ledger))
        .await
        .expect("owner");
    assert_eq!(own.role, MemberRole::Owner);
    assert_eq!(
        scope(&app.db, bob, ada_org, Access::Read).await,
        Err(AppError::NotFound),
        "another organisation's id is not found, not forbidden"
    );
    assert_eq!(
        scope(&app.db, ada, 987_654, Access::Read).await,
        Err(AppError::NotFound),
        "a missing organisation looks the same"
    );
    let listed = list_for_user(&app.db, bob).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, bob_org);
}

async fn rights_decide_what_members_and_viewers_may_write(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    app.signed_up("bob@example.org", PASSWORD).await;
    app.signed_up("cy@example.org", PASSWORD).await;
    let bob = user_id(&app, "bob@example.org").await;
    let cy = user_id(&app, "cy@example.org").await;
    let ledger = Rights::NONE.with(Area::Ledger);
    let household = add_to_household(
        &app,
        "ada@example.org",
        "bob@example.org",
        MemberRole::Member,
        ledger,
    )
    .await;
    add_to_household(
        &app,
        "ada@example.org",
        "cy@example.org",
        MemberRole::Viewer,
        ledger,
    )
    .await;

    assert!(
        scope(&app.db, bob, household, Access::Write(Area::Ledger))
            .await
            .is_ok()
    );
    assert_eq!(
        scope(&app.db, bob, household, Access::Write(Area::Debts)).await,
        Err(AppError::Forbidden)
    );
    let member = scope(&app.db, bob, household, Access::Read)
        .await
        .expect("member reads");
    assert_eq!(
        add_member(&app.db, &member, cy, MemberRole::Owner, Rights::NONE).await,
        Err(AppError::Forbidden),
        "only owners manage members"
    );
    assert!(scope(&app.db, cy, household, Access::Read).await.is_ok());
    assert_eq!(
        scope(&app.db, cy, household, Access::Write(Area::Ledger)).await,
        Err(AppError::Forbidden)
    );
    // Bob's default organisation is still the one he owns.
    assert_ne!(
        default_org(&app.db, bob).await.expect("query"),
        Some(household)
    );
}

async fn administrators_keep_no_books(backend: Backend) {
    use florin_app::auth::{hashing, repo};
    let app = TestApp::new(backend).await;
    let hash = hashing::hash(PASSWORD.into()).await.expect("hash");
    let new = repo::NewUser {
        email: florin::email::Email::parse("root@example.org").expect("email"),
        role: florin::role::UserRole::Admin,
        first_name: String::new(),
        base_currency: "USD".into(),
    };
    let admin = repo::create_user(&app.db, new, hash).await.expect("admin");
    assert_eq!(default_org(&app.db, admin).await.expect("query"), None);
    let role: String = on_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT role FROM users WHERE id = $1")
            .bind(admin)
            .fetch_one(pool)
            .await
    })
    .expect("role");
    assert_eq!(role, "admin");
}
