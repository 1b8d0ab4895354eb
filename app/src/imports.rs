//! Statement import: upload a CSV file into an account, map its columns, preview every row
//! with its errors and duplicates, then commit all of it or nothing.
//!
//! The upload is a plain multipart form handled by the server (`server/src/imports.rs`);
//! the file waits in `import_batches` until committed. The column mapping lives in the
//! preview page's URL, so changing it is a plain GET that works without JavaScript.
//!
//! Rule: this file is the feature's face (its modules, what others use, its routes);
//! the pages and server code import `types` and each other, never this file.

mod commit;
mod preview;
pub mod types;
mod upload;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use commit::{CommitImport, commit_import};
pub use preview::{ImportPreview, ImportPreviewPage, import_preview};
pub use types::{
    ImportStart, MAPPED_FIELDS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MappingQuery, PREVIEW_ROWS,
    Preview, PreviewRow, RecentImport,
};
pub use upload::{ImportPage, LoadImports, load_imports};

crate::routes!(ImportRoutes {
    "/import" => ImportPage,
    "/import/:id" => ImportPreviewPage,
});
