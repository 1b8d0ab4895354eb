//! CSV downloads. An export walks the filtered set in keyset batches and streams each
//! batch as it is read, so a ledger of any size leaves the server's memory flat.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use florin::import::{
    Counterpart, EXPORT_HEADERS, ExportRow, UTF8_BOM, export_line, export_record,
};
use florin::ledger::{Source, TransactionKind};
use florin::role::Access;
use florin_app::error::AppError;
use florin_app::orgs::{Member, member_in_default_org};
use florin_app::state::AppState;
use florin_app::transactions::ListQuery;
use florin_app::transactions::repo::{self, Cursor, ExportDbRow, Filter};
use florin_app::transactions::ssr::parse_filter;
use florin_app::url::encode_component;
use futures_util::StreamExt;
use tower_sessions::Session;

/// `GET /reports/export.csv?group=…&from=…&to=…`: a report's table as CSV (one row per
/// group, so it is built whole). Bad parameters send the browser back to the report page,
/// which names the wrong field.
pub async fn report_csv(
    State(app): State<AppState>,
    session: Session,
    Query(query): Query<florin_app::reports::ReportQuery>,
) -> Response {
    let member = match member(app, &session, Access::Read).await {
        Ok(Some(member)) => member,
        Ok(None) => return Redirect::to("/sign-in?next=%2Freports").into_response(),
        Err(error) => return error_response(&error),
    };
    match florin_app::reports::ssr::csv(&member, &query).await {
        Ok((name, body)) => {
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            // The name is built from a grouping keyword and ISO dates only.
            if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(AppError::Invalid(_)) => Redirect::to(&format!(
            "/reports?group={}&from={}&to={}",
            encode_component(&query.group),
            encode_component(&query.from),
            encode_component(&query.to)
        ))
        .into_response(),
        Err(error) => error_response(&error),
    }
}

/// Rows read per query while streaming.
const BATCH: i64 = 1000;

/// `GET /transactions/export.csv?<the list's filter>`: the filtered transactions as CSV.
pub async fn transactions_csv(
    State(app): State<AppState>,
    session: Session,
    Query(query): Query<ListQuery>,
) -> Response {
    let member = match member(app, &session, Access::Read).await {
        Ok(Some(member)) => member,
        Ok(None) => return Redirect::to("/sign-in?next=%2Ftransactions").into_response(),
        Err(error) => return error_response(&error),
    };
    let (filter, errors) = match load_filter(&member, &query).await {
        Ok(parsed) => parsed,
        Err(error) => return error_response(&error),
    };
    if !errors.is_empty() {
        // The list page shows which filter field is wrong.
        let back = format!("/transactions?{}", query.to_query());
        return Redirect::to(&back).into_response();
    }
    let stream = futures_util::stream::unfold(
        Some(Batches {
            member,
            filter,
            cursor: None,
            first: true,
        }),
        next_chunk,
    )
    // The compression layer polls once more after the end; a fused stream allows that.
    .fuse();
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"florin-transactions.csv\""),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The signed-in user working in their organisation with `access`, or `None` when nobody
/// is signed in.
pub async fn member(
    app: AppState,
    session: &Session,
    access: Access,
) -> Result<Option<Member>, AppError> {
    let Some(user) = florin_app::session::current_user(&app, session).await? else {
        return Ok(None);
    };
    member_in_default_org(app, user, access).await.map(Some)
}

async fn load_filter(
    member: &Member,
    query: &ListQuery,
) -> Result<(Filter, florin_app::error::FieldErrors), AppError> {
    let accounts = repo::accounts(member.db(), &member.scope).await?;
    let categories = repo::categories(member.db(), &member.scope).await?;
    Ok(parse_filter(member, query, &accounts, &categories))
}

struct Batches {
    member: Member,
    filter: Filter,
    cursor: Option<Cursor>,
    first: bool,
}

/// The next piece of the file: the header first, then one batch of lines at a time. A
/// database error ends the stream early; the cause is logged, and the download shows as
/// failed in the browser rather than silently truncated.
async fn next_chunk(
    state: Option<Batches>,
) -> Option<(Result<String, std::io::Error>, Option<Batches>)> {
    let mut state = state?;
    if state.first {
        state.first = false;
        let header = format!("{UTF8_BOM}{}", export_line(EXPORT_HEADERS));
        return Some((Ok(header), Some(state)));
    }
    let rows = match repo::export_batch(
        state.member.db(),
        &state.member.scope,
        &state.filter,
        state.cursor,
        BATCH,
    )
    .await
    {
        Ok(rows) => rows,
        Err(error) => return stopped(error),
    };
    let last = rows.last()?;
    state.cursor = Some(Cursor {
        date: last.occurred_on,
        id: last.id,
    });
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let tags = match repo::tags_of(state.member.db(), &state.member.scope, &ids).await {
        Ok(tags) => tags,
        Err(error) => return stopped(error),
    };
    let mut chunk = String::with_capacity(rows.len() * 120);
    for row in &rows {
        let row_tags: Vec<String> = tags
            .iter()
            .filter(|(id, _)| *id == row.id)
            .map(|(_, tag)| tag.clone())
            .collect();
        chunk.push_str(&export_line(&export_record(&export_row(row, &row_tags))));
    }
    let more = i64::try_from(rows.len()).is_ok_and(|n| n == BATCH);
    Some((Ok(chunk), more.then_some(state)))
}

/// Ends the stream with an error after logging its cause.
fn stopped(error: AppError) -> Option<(Result<String, std::io::Error>, Option<Batches>)> {
    tracing::error!(?error, "export stopped");
    Some((Err(std::io::Error::other("export failed")), None))
}

fn export_row<'a>(row: &'a ExportDbRow, tags: &'a [String]) -> ExportRow<'a> {
    let counter = match (&row.counter_name, &row.counter_currency, row.counter_amount) {
        (Some(account), Some(currency), Some(amount)) => Some(Counterpart {
            account,
            currency,
            amount,
        }),
        _ => None,
    };
    ExportRow {
        date: row.occurred_on,
        kind: TransactionKind::parse(&row.kind).unwrap_or(TransactionKind::Expense),
        amount: row.amount,
        currency: &row.currency,
        account: &row.account_name,
        counter,
        category: row.category_name.as_deref().unwrap_or_default(),
        payee: &row.payee,
        notes: &row.notes,
        tags,
        payment_method: row.method_name.as_deref().unwrap_or_default(),
        source: Source::parse(&row.source).unwrap_or(Source::Manual),
        external_id: row.external_id.as_deref(),
    }
}

pub fn error_response(error: &AppError) -> Response {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}
